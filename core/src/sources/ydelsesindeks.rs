//! Ydelsesindeks (SF1490/SF1491): `BevillingIndeks` → [`Benefit`]s,
//! `OekonomiskEffektueringIndeks` → their [`Payment`]s (docs/sources.md).

use super::amount::kroner_to_ore;
use super::tree::{read_records, Node, Spec};
use super::{
    date_at, egenskaber_on, latest_registrering, malformed, party_id, role_of, sensitivity,
    within_items, Malformed, PartyId, SourceBenefits, SourceProfile, Virkning,
};
use crate::calendar::{Frequency, PaymentDay, PaymentPlan};
use crate::error::Error;
use crate::model::{Benefit, Grant, Limits, Payer, PayerKind, Payment, PaymentStatus, Sensitivity};
use crate::order;
use crate::validation::{Problem, ProblemCode};
use chrono::NaiveDate;

const BEVILLING: &str = "urn:oio:sts:ydelse:bevillingindeks:6";
const EFFEKTUERING: &str = "urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6";
const YDELSE: &str = "urn:oio:sts:ydelse:ydelseindeks:6";
const SAGDOK: &str = "urn:oio:sagdok:3.0.0";
const GENERELLE: &str = "urn:oio:sts:generelledefinitioner:6";

/// Record kinds, by their index in `SPEC.records`.
const GRANT_KINDS: [usize; 2] = [0, 1];

const SPEC: Spec = Spec {
    roots: &[
        (YDELSE, "ImporterYdelseIndeksInput"),
        (YDELSE, "FremsoegYdelseIndeksOutput"),
        (BEVILLING, "ImportInput"),
        (BEVILLING, "LaesOutput"),
        (BEVILLING, "ListOutput"),
        (EFFEKTUERING, "ImportInput"),
        (EFFEKTUERING, "LaesOutput"),
        (EFFEKTUERING, "ListOutput"),
    ],
    records: &[
        (BEVILLING, "BevillingIndeks"),
        (BEVILLING, "FiltreretOejebliksbillede"),
        (EFFEKTUERING, "OekonomiskEffektueringIndeks"),
        (EFFEKTUERING, "FiltreretOejebliksbillede"),
    ],
    namespaces: &[BEVILLING, EFFEKTUERING, SAGDOK, GENERELLE],
    keep: &[
        "UUIDIdentifikator",
        "URNIdentifikator",
        "Registrering",
        "Tidspunkt",
        "AttributListe",
        "RelationListe",
        "Egenskaber",
        "Virkning",
        "FraTidspunkt",
        "TilTidspunkt",
        "TidsstempelDatoTid",
        "GraenseIndikator",
        "BrugervendtNoegle",
        "Bevillingstartdato",
        "Bevillingslutdato",
        "Foelsomhed",
        "BevilgetYdelse",
        "Id",
        "Navn",
        "BevilgetYdelseStartdato",
        "BevilgetYdelseSlutdato",
        "Tilbagebetalingspligtig",
        "ItSystem",
        "SystemNavn",
        "Ydelse",
        "Klassifikation",
        "OekonomiskEffektueringsplan",
        "ForudBagud",
        "Dispositionsdag",
        "Ydelsesbeloeb",
        "Bevillingssag",
        "Bevillingspart",
        "Rolle",
        "ReferenceID",
        "Startdato",
        "Slutdato",
        "SamletBruttobeloeb",
        "Dispositionsdato",
        "BeloebEfterSkatATP",
        "BeloebUdbetalt",
        "Udbetalingsafdeling",
        "OekonomiskYdelseEffektueringRelation",
        "BevilgetYdelseRef",
        "BevilgetYdelseId",
    ],
    label: "BevillingIndeks",
};

/// A payment read, waiting for its benefit.
struct PendingPayment {
    benefit_id: String,
    payment: Payment,
    payer: Option<Payer>,
}

/// Reads a Ydelsesindeks document: every `BevilgetYdelse` of every `BevillingIndeks` as a
/// benefit, and every `OekonomiskEffektueringIndeks` as a payment of the benefit named by
/// its `BevilgetYdelseRef/BevilgetYdelseId` (a payment of no benefit in the document is
/// reported and left out). A benefit's `payer` is the `Udbetalingsafdeling` of its latest
/// payment. Amounts are converted exactly; more than two decimals makes the record
/// malformed (hidden and reported), never rounded.
///
/// ```
/// use egensag::sources::{read_ydelsesindeks, SourceProfile};
/// let xml = r#"<ImporterYdelseIndeksInput xmlns="urn:oio:sts:ydelse:ydelseindeks:6"/>"#;
/// let read = read_ydelsesindeks(xml, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
///     &SourceProfile::default()).unwrap();
/// assert!(read.benefits.is_empty());
/// ```
pub fn read_ydelsesindeks(
    xml: &str,
    as_of: NaiveDate,
    profile: &SourceProfile,
) -> Result<SourceBenefits, Error> {
    let limits = Limits::default();
    let mut out = SourceBenefits {
        benefits: Vec::new(),
        problems: Vec::new(),
    };
    let mut pending: Vec<Pending> = Vec::new();
    let (mut grants, mut effektueringer) = (0usize, 0usize);
    read_records(xml, &SPEC, &limits, |raw| {
        if GRANT_KINDS.contains(&raw.kind) {
            let record = format!("BevillingIndeks[{grants}]");
            grants += 1;
            let mapped = match raw.overlong {
                Some(path) => malformed(path, "string longer than the limit"),
                None => map_grant(&raw.node, as_of, profile, &mut out.problems, &record),
            };
            match mapped {
                Ok(benefits) => out.benefits.extend(benefits),
                Err(m) => {
                    out.problems
                        .push(m.problem(ProblemCode::RecordMalformed, &record));
                    out.benefits
                        .push(void_benefit(&raw.node, &record, as_of, profile));
                }
            }
        } else {
            let record = format!("OekonomiskEffektueringIndeks[{effektueringer}]");
            effektueringer += 1;
            let mapped = match raw.overlong {
                Some(path) => malformed(path, "string longer than the limit"),
                None => map_payment(&raw.node),
            };
            pending.push((record, benefit_ref(&raw.node).map(str::to_owned), mapped));
        }
        Ok(())
    })?;
    attach_payments(&mut out, pending, &limits);
    Ok(out)
}

/// A payment record read: its path, the benefit it names (if readable), and the payment.
type Pending = (String, Option<String>, Result<PendingPayment, Malformed>);

/// The `BevilgetYdelseId` a payment record names.
fn benefit_ref(node: &Node) -> Option<&str> {
    latest_registrering(node)?.text_at(&[
        "RelationListe",
        "OekonomiskYdelseEffektueringRelation",
        "BevilgetYdelseRef",
        "BevilgetYdelseId",
    ])
}

/// Makes a benefit the hidden stand-in for a record that cannot be read.
fn hide(benefit: &mut Benefit) {
    benefit.void = true;
    benefit.kle = None;
    benefit.payments.clear();
    benefit.payer = None;
}

/// Adds each payment to its benefit; a malformed payment hides its benefit (section 7:
/// a malformed amount inside a record hides that record).
fn attach_payments(out: &mut SourceBenefits, pending: Vec<Pending>, limits: &Limits) {
    let mut hidden: Vec<String> = Vec::new();
    for (record, benefit_id, payment) in pending {
        match payment {
            Ok(p) => match out
                .benefits
                .iter_mut()
                .find(|b| b.id == p.benefit_id && !b.void)
            {
                Some(benefit) => {
                    // The payer of the latest payment (by period) is the benefit's payer.
                    let latest = benefit
                        .payments
                        .iter()
                        .all(|q| q.period_from <= p.payment.period_from);
                    if p.payer.is_some() && latest {
                        benefit.payer = p.payer;
                    }
                    benefit.payments.push(p.payment);
                }
                None => out.problems.push(
                    Malformed {
                        path:
                            "RelationListe/OekonomiskYdelseEffektueringRelation/BevilgetYdelseRef"
                                .to_owned(),
                        message: "expected a reference to a benefit in the same document",
                    }
                    .problem(ProblemCode::PaymentOrphan, &record),
                ),
            },
            Err(m) => {
                out.problems
                    .push(m.problem(ProblemCode::RecordMalformed, &record));
                hidden.extend(benefit_id);
            }
        }
    }
    for (i, benefit) in out.benefits.iter_mut().enumerate() {
        if hidden.contains(&benefit.id) {
            hide(benefit);
        }
        if benefit.payments.len() > limits.max_items_per_record {
            hide(benefit);
            out.problems.push(
                Malformed {
                    path: String::new(),
                    message: "more payments than the limit per record",
                }
                .problem(ProblemCode::RecordMalformed, &format!("benefits[{i}]")),
            );
        }
        order::sort_by(&mut benefit.payments, |a, b| {
            (a.period_from, &a.id).cmp(&(b.period_from, &b.id))
        });
    }
}

fn void_benefit(node: &Node, record: &str, as_of: NaiveDate, profile: &SourceProfile) -> Benefit {
    let reg = latest_registrering(node);
    let id = reg
        .and_then(|r| r.at(&["AttributListe", "BevilgetYdelse", "Id"]))
        .map(|n| n.text.trim())
        .filter(|t| !t.is_empty())
        .map_or_else(|| record.to_owned(), str::to_owned);
    Benefit {
        id,
        source: source_of(reg, profile),
        kle: None,
        name: String::new(),
        case_id: None,
        recipient: None,
        sensitivity: Sensitivity::Vip,
        withheld_from_citizen: true,
        withheld_from_representatives: true,
        void: true,
        created: as_of,
        grant: Grant {
            from: as_of,
            to: None,
            stopped_from: None,
            amount_ore: 0,
            plan: None,
            repayable: false,
        },
        payments: Vec::new(),
        debt_ore: None,
        payer: None,
    }
}

fn source_of(reg: Option<&Node>, profile: &SourceProfile) -> String {
    profile
        .source
        .clone()
        .or_else(|| {
            reg.and_then(|r| r.at(&["AttributListe", "BevilgetYdelse"]))
                .and_then(|y| y.text_at(&["ItSystem", "SystemNavn"]))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "Ydelsesindeks".to_owned())
}

fn map_grant(
    node: &Node,
    as_of: NaiveDate,
    profile: &SourceProfile,
    problems: &mut Vec<Problem>,
    record: &str,
) -> Result<Vec<Benefit>, Malformed> {
    let Some(reg) = latest_registrering(node) else {
        return malformed("Registrering", "expected a Registrering");
    };
    let empty = Node::default();
    let attributes = reg.child("AttributListe").unwrap_or(&empty);
    let relations = reg.child("RelationListe").unwrap_or(&empty);
    let egenskaber = egenskaber_on(attributes, as_of)?;
    let (egenskaber, e_path) =
        egenskaber.unwrap_or((&empty, "AttributListe/Egenskaber/".to_owned()));
    let sensitivity = match egenskaber.text_at(&["Foelsomhed"]) {
        None => Sensitivity::IkkeFortrolige,
        Some(code) => match sensitivity(code) {
            Some(s) => s,
            None => return malformed(format!("{e_path}Foelsomhed"), "expected a Foelsomhed code"),
        },
    };
    let grant_from = date_at(egenskaber, &["Bevillingstartdato"], &e_path)?;
    let grant_to = date_at(egenskaber, &["Bevillingslutdato"], &e_path)?;
    let case_id = relations
        .all("Bevillingssag")
        .find_map(|s| s.text_at(&["BrugervendtNoegle"]))
        .map(str::to_owned);
    let recipient = recipient(relations, profile);
    let registered = date_at(reg, &["Tidspunkt"], "")?;

    within_items(
        attributes.all("BevilgetYdelse").count(),
        limits_items(),
        "AttributListe/BevilgetYdelse",
    )?;
    let mut out = Vec::new();
    for (i, y) in attributes.all("BevilgetYdelse").enumerate() {
        let path = format!("AttributListe/BevilgetYdelse[{i}]/");
        let Some(id) = y.text_at(&["Id"]) else {
            return malformed(format!("{path}Id"), "expected the benefit's Id");
        };
        let from = match grant_from {
            Some(d) => Some(d),
            None => date_at(y, &["BevilgetYdelseStartdato"], &path)?,
        };
        let Some(from) = from else {
            return malformed(
                format!("{e_path}Bevillingstartdato"),
                "expected the grant's first day",
            );
        };
        let to = match grant_to {
            Some(d) => Some(d),
            None => date_at(y, &["BevilgetYdelseSlutdato"], &path)?,
        };
        let repayable = match y.text_at(&["Tilbagebetalingspligtig"]) {
            None | Some("false" | "0") => false,
            Some("true" | "1") => true,
            Some(_) => {
                return malformed(
                    format!("{path}Tilbagebetalingspligtig"),
                    "expected true or false",
                )
            }
        };
        let (plan, amount_ore) = plan(y, &path, problems, record)?;
        let created = Virkning::of(y, &path)?
            .first_day()
            .or(registered)
            .unwrap_or(from);
        out.push(Benefit {
            id: id.to_owned(),
            source: source_of(Some(reg), profile),
            kle: y
                .text_at(&["Ydelse", "Klassifikation", "BrugervendtNoegle"])
                .map(str::to_owned),
            name: y.text_at(&["Navn"]).unwrap_or_default().to_owned(),
            case_id: case_id.clone(),
            recipient: recipient.clone(),
            sensitivity,
            withheld_from_citizen: false,
            withheld_from_representatives: false,
            void: false,
            created,
            grant: Grant {
                from,
                to,
                stopped_from: None,
                amount_ore,
                plan,
                repayable,
            },
            payments: Vec::new(),
            debt_ore: None,
            payer: None,
        });
    }
    Ok(out)
}

fn limits_items() -> &'static Limits {
    static LIMITS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();
    LIMITS.get_or_init(Limits::default)
}

/// The recipient: a Bevillingspart with a CPR number and a recipient role from the
/// profile; without recipient roles in the profile, the one such party (none when several).
fn recipient(relations: &Node, profile: &SourceProfile) -> Option<String> {
    let cprs: Vec<(Option<&str>, String)> = relations
        .all("Bevillingspart")
        .filter_map(|p| match party_id(p) {
            PartyId::Cpr(n) => Some((role_of(p), n)),
            _ => None,
        })
        .collect();
    if profile.recipient_roles.is_empty() {
        match cprs.as_slice() {
            [(_, only)] => Some(only.clone()),
            _ => None,
        }
    } else {
        cprs.into_iter()
            .find(|(r, _)| r.is_some_and(|r| profile.is_recipient_role(r)))
            .map(|(_, n)| n)
    }
}

/// The plan and the amount per period from the first `OekonomiskEffektueringsplan`.
fn plan(
    y: &Node,
    path: &str,
    problems: &mut Vec<Problem>,
    record: &str,
) -> Result<(Option<PaymentPlan>, i64), Malformed> {
    let Some(p) = y.child("OekonomiskEffektueringsplan") else {
        return Ok((None, 0));
    };
    let p_path = format!("{path}OekonomiskEffektueringsplan/");
    let amount = match p.text_at(&["Ydelsesbeloeb"]) {
        Some(t) => kroner_to_ore(t)
            .or_else(|e| malformed(format!("{p_path}Ydelsesbeloeb"), e.message()))?,
        None => 0,
    };
    let in_advance = match p.text_at(&["ForudBagud"]) {
        Some("Forud") => true,
        None | Some("Bagud") => false,
        Some(_) => return malformed(format!("{p_path}ForudBagud"), "expected Forud or Bagud"),
    };
    let day = p.text_at(&["Dispositionsdag"]).and_then(payment_day);
    if day.is_none() {
        problems.push(
            Malformed {
                path: format!("{p_path}Dispositionsdag"),
                message: "expected a payment day such as \"Sidste bankdag i måneden\"",
            }
            .problem(ProblemCode::PlanUnrecognised, record),
        );
    }
    Ok((
        day.map(|payment_day| PaymentPlan {
            frequency: Frequency::Monthly,
            payment_day,
            in_advance,
        }),
        amount,
    ))
}

/// A `Dispositionsdag` text, case and spacing ignored: "Sidste bankdag i måneden",
/// "Første bankdag i måneden", "Den 15. i måneden".
fn payment_day(text: &str) -> Option<PaymentDay> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["sidste", "bankdag", "i", "måneden"] => Some(PaymentDay::LastBankingDay),
        ["første", "bankdag", "i", "måneden"] => Some(PaymentDay::FirstBankingDay),
        ["den", n, "i", "måneden"] => {
            let n: u8 = n.strip_suffix('.').unwrap_or(n).parse().ok()?;
            (1..=31).contains(&n).then_some(PaymentDay::DayOfMonth(n))
        }
        _ => None,
    }
}

fn map_payment(node: &Node) -> Result<PendingPayment, Malformed> {
    let Some(reg) = latest_registrering(node) else {
        return malformed("Registrering", "expected a Registrering");
    };
    let empty = Node::default();
    let e = reg.at(&["AttributListe", "Egenskaber"]).unwrap_or(&empty);
    let e_path = "AttributListe/Egenskaber/";
    let rel_path =
        "RelationListe/OekonomiskYdelseEffektueringRelation/BevilgetYdelseRef/BevilgetYdelseId";
    let Some(benefit_id) = reg.text_at(&[
        "RelationListe",
        "OekonomiskYdelseEffektueringRelation",
        "BevilgetYdelseRef",
        "BevilgetYdelseId",
    ]) else {
        return malformed(rel_path, "expected the benefit's Id");
    };
    let required = |name: &str| -> Result<NaiveDate, Malformed> {
        date_at(e, &[name], e_path)?.map_or_else(
            || malformed(format!("{e_path}{name}"), "expected a date"),
            Ok,
        )
    };
    let amount = |name: &str| -> Result<Option<i64>, Malformed> {
        e.text_at(&[name])
            .map(|t| {
                kroner_to_ore(t).or_else(|err| malformed(format!("{e_path}{name}"), err.message()))
            })
            .transpose()
    };
    let period_from = required("Startdato")?;
    let period_to = required("Slutdato")?;
    let disposition_date = required("Dispositionsdato")?;
    let gross = amount("SamletBruttobeloeb")?;
    let paid = amount("BeloebUdbetalt")?;
    let after_tax = amount("BeloebEfterSkatATP")?;
    let id = e
        .text_at(&["BrugervendtNoegle"])
        .or_else(|| node.text_at(&["UUIDIdentifikator"]))
        .unwrap_or_default();
    if id.is_empty() {
        return malformed(
            format!("{e_path}BrugervendtNoegle"),
            "expected the payment's key",
        );
    }
    let payer = e.text_at(&["Udbetalingsafdeling"]).map(|name| Payer {
        kind: payer_kind(name),
        name: name.to_owned(),
    });
    Ok(PendingPayment {
        benefit_id: benefit_id.to_owned(),
        payment: Payment {
            id: id.to_owned(),
            period_from,
            period_to,
            disposition_date,
            gross_ore: gross.unwrap_or(0),
            net_ore: paid.or(after_tax).unwrap_or(0),
            status: if paid.is_some() {
                PaymentStatus::Paid
            } else {
                PaymentStatus::Planned
            },
        },
        payer,
    })
}

/// Udbetaling Danmark by name; a name with "kommune" is the municipality; else other.
fn payer_kind(name: &str) -> PayerKind {
    let lower = name.to_lowercase();
    if lower.contains("udbetaling danmark") {
        PayerKind::UdbetalingDanmark
    } else if lower.contains("kommune") {
        PayerKind::Municipality
    } else {
        PayerKind::Other
    }
}
