U = "1111aaaa-11aa-22bb-33cc-111111aaaaaa"
B = "1111aaaa-11aa-22bb-33cc-00000000b001"
def uuid(u): return f"<sd:UUIDIdentifikator>{u}</sd:UUIDIdentifikator>"
def t(x): return f"<sd:TidsstempelDatoTid>{x}</sd:TidsstempelDatoTid>"
def virk(fra, p):
    return f"<{p}Virkning><sd:FraTidspunkt>{t(fra)}</sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt></{p}Virkning>"
def gd_rel(name, p, role, ref, extra=""):
    return (f"<{p}{name}><gd:Virkning><sd:FraTidspunkt>{t('2026-01-10T09:00:00+01:00')}</sd:FraTidspunkt></gd:Virkning><gd:Rolle>{uuid(role)}</gd:Rolle><gd:Type>{uuid(U)}</gd:Type>"
            f"<gd:Indeks>1</gd:Indeks><gd:ReferenceID>{ref}</gd:ReferenceID>{extra}</{p}{name}>")
reg_head = f"<sd:Tidspunkt>2026-11-01T12:00:00+01:00</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode><sd:BrugerRef>{uuid(U)}</sd:BrugerRef>"
ydelse = (f"<bi:BevilgetYdelse>{virk('2026-01-10T09:00:00+01:00', 'bi:')}<bi:Id>Y-1</bi:Id><bi:Navn>Kontanthjælp</bi:Navn>"
          f"<bi:BevilgetYdelseStartdato>2026-02-01T00:00:00+01:00</bi:BevilgetYdelseStartdato>"
          f"<bi:Begrundelse>Begrundelse med helbredsoplysninger</bi:Begrundelse><bi:Tilbagebetalingspligtig>false</bi:Tilbagebetalingspligtig>"
          f"<bi:Meddelelse>Meddelelse til borgeren</bi:Meddelelse>"
          f"<bi:ItSystem><bi:Rolle>{uuid(U)}</bi:Rolle><bi:Type>{uuid(U)}</bi:Type><bi:ReferenceID>{uuid(U)}</bi:ReferenceID><bi:SystemNavn>KY</bi:SystemNavn></bi:ItSystem>"
          f"<bi:Ydelse><bi:Rolle>{uuid(U)}</bi:Rolle><bi:ReferenceID>{uuid(U)}</bi:ReferenceID><bi:Ydelsesnavn>Kontanthjælp</bi:Ydelsesnavn>"
          f"<bi:Klassifikation><bi:ReferenceID>{uuid(U)}</bi:ReferenceID><bi:BrugervendtNoegle>32.24.04</bi:BrugervendtNoegle><bi:Klassetitel>Hjælp til forsørgelse</bi:Klassetitel></bi:Klassifikation></bi:Ydelse>"
          f"<bi:OekonomiskEffektueringsplan><bi:Id>P-1</bi:Id><bi:EffektueringsplanStartdato>2026-02-01T00:00:00+01:00</bi:EffektueringsplanStartdato>"
          f"<bi:Beregningsfrekvens>Månedlig</bi:Beregningsfrekvens><bi:ForudBagud>Bagud</bi:ForudBagud><bi:Dispositionsdag>Sidste bankdag i  Måneden</bi:Dispositionsdag>"
          f"<bi:Ydelsesbeloeb>12345.5</bi:Ydelsesbeloeb></bi:OekonomiskEffektueringsplan></bi:BevilgetYdelse>")
bevilling = (f"<yi:BevillingIndeks><bi:BevillingIndeks>{uuid(B)}<bi:Registrering>{reg_head}<bi:AttributListe>"
             f"<bi:Egenskaber>{virk('2026-01-10T09:00:00+01:00', 'bi:')}<bi:BrugervendtNoegle>BEV-1</bi:BrugervendtNoegle>"
             f"<bi:Bevillingstartdato>2026-02-01</bi:Bevillingstartdato><bi:Begrundelse>Begrundelse</bi:Begrundelse><bi:Foelsomhed>FORTROLIGE_PERSONOPLYSNINGER</bi:Foelsomhed></bi:Egenskaber>"
             f"{ydelse}</bi:AttributListe><bi:TilstandListe/><bi:RelationListe>"
             + gd_rel("Bevillingssag", "bi:", U, uuid(U), "<bi:BrugervendtNoegle>S-1002</bi:BrugervendtNoegle>")
             + gd_rel("Bevillingspart", "bi:", U, "<sd:URNIdentifikator>urn:oio:cpr-nr:0101901234</sd:URNIdentifikator>", "<bi:FuldtNavn>Bent Borgersen</bi:FuldtNavn>")
             + gd_rel("Bevillingsaktoer", "bi:", U, uuid(U), "<bi:FuldtNavn>Karin Sagsbehandlersen</bi:FuldtNavn>")
             + "</bi:RelationListe></bi:Registrering></bi:BevillingIndeks></yi:BevillingIndeks>")
def payment(key, start, end, disp, gross, after_tax, paid=None, afdeling="Ydelsesservice, Eksempel Kommune"):
    e = (f"<oei:Egenskaber>{virk('2026-01-10T09:00:00+01:00', 'oei:')}<oei:BrugervendtNoegle>{key}</oei:BrugervendtNoegle>"
         f"<oei:Startdato>{start}T00:00:00+01:00</oei:Startdato><oei:Slutdato>{end}T00:00:00+01:00</oei:Slutdato>"
         f"<oei:SamletBruttobeloeb>{gross}</oei:SamletBruttobeloeb><oei:Dispositionsdato>{disp}T00:00:00+01:00</oei:Dispositionsdato>"
         f"<oei:BeloebEfterSkatATP>{after_tax}</oei:BeloebEfterSkatATP>"
         + (f"<oei:BeloebUdbetalt>{paid}</oei:BeloebUdbetalt>" if paid else "")
         + f"<oei:Udbetalingsafdeling>{afdeling}</oei:Udbetalingsafdeling></oei:Egenskaber>")
    r = (f"<oei:OekonomiskYdelseEffektueringRelation><gd:Virkning><sd:FraTidspunkt>{t(start + 'T00:00:00+01:00')}</sd:FraTidspunkt></gd:Virkning>"
         f"<gd:Rolle>{uuid(U)}</gd:Rolle><gd:ReferenceID>{uuid(U)}</gd:ReferenceID>"
         f"<oei:Klassifikationsbeskrivelse>Kontanthjælp</oei:Klassifikationsbeskrivelse><oei:BevilgetYdelseRef>{uuid(B)}<oei:BevilgetYdelseId>Y-1</oei:BevilgetYdelseId></oei:BevilgetYdelseRef></oei:OekonomiskYdelseEffektueringRelation>")
    return (f"<yi:OekonomiskEffektueringIndeks><oei:OekonomiskEffektueringIndeks>{uuid(U)}<oei:Registrering>{reg_head}"
            f"<oei:AttributListe>{e}</oei:AttributListe><oei:TilstandListe/><oei:RelationListe>{r}"
            + gd_rel("OekonomiskEffektueringPart", "oei:", U, "<sd:URNIdentifikator>urn:oio:cpr-nr:0101901234</sd:URNIdentifikator>", "<oei:FuldtNavn>Bent Borgersen</oei:FuldtNavn>")
            + "</oei:RelationListe></oei:Registrering></oei:OekonomiskEffektueringIndeks></yi:OekonomiskEffektueringIndeks>")
NS = ('xmlns:yi="urn:oio:sts:ydelse:ydelseindeks:6" xmlns:bi="urn:oio:sts:ydelse:bevillingindeks:6" '
      'xmlns:oei="urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6" xmlns:sd="urn:oio:sagdok:3.0.0" xmlns:gd="urn:oio:sts:generelledefinitioner:6"')
doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<yi:ImporterYdelseIndeksInput {NS}>' + bevilling
       + payment("U-2026-10", "2026-10-01", "2026-10-31", "2026-10-30", "12345.5", "9012.34", "9012.34")
       + payment("U-2026-11", "2026-11-01", "2026-11-30", "2026-11-30", "12345.50", "9012.34", None)
       + "</yi:ImporterYdelseIndeksInput>\n")
open("ydelsesindeks/kontanthjaelp.xml", "w").write(doc)
# A refund (negative amount) and a bad amount with three decimals in a second document.
bad = (doc.replace("U-2026-10", "U-2026-09").replace("<oei:BeloebEfterSkatATP>9012.34</oei:BeloebEfterSkatATP><oei:BeloebUdbetalt>9012.34", "<oei:BeloebEfterSkatATP>-12.34</oei:BeloebEfterSkatATP><oei:BeloebUdbetalt>-12.34", 1)
       .replace("<oei:SamletBruttobeloeb>12345.50</oei:SamletBruttobeloeb>", "<oei:SamletBruttobeloeb>1.234</oei:SamletBruttobeloeb>"))
open("ydelsesindeks/amounts.xml", "w").write(bad)
