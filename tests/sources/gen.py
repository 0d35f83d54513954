# Not committed: writes the hand-made fixtures once.
U = "1111aaaa-11aa-22bb-33cc-111111aaaaaa"
PRIMARY = "d839f26a-d4d1-4441-b2d6-3dbbb12a9404"
SECONDARY = "2222bbbb-11aa-22bb-33cc-111111aaaaaa"
OWNER = "3333cccc-11aa-22bb-33cc-111111aaaaaa"
UNKNOWN = "9999eeee-11aa-22bb-33cc-111111aaaaaa"
PK = "a86c6581-ec85-412d-a655-31a1f1d5b14f"
HK = "05ef7011-11a7-4e4c-a46b-3de6aa457fc3"
VK = "4444dddd-11aa-22bb-33cc-111111aaaaaa"
AK = "5555eeee-11aa-22bb-33cc-111111aaaaaa"
def t(x): return f"<sd:TidsstempelDatoTid>{x}</sd:TidsstempelDatoTid>"
def virk(fra, til=None, p=""):
    tt = t(til) if til else "<sd:GraenseIndikator>true</sd:GraenseIndikator>"
    return f"<{p}Virkning><sd:FraTidspunkt>{t(fra)}</sd:FraTidspunkt><sd:TilTidspunkt>{tt}</sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>{U}</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Bruger</sd:AktoerTypeKode></{p}Virkning>"
def rel(name, role, ref, fra, til=None, ext="", extra="", idx="1"):
    return (f"<sag:{name}>{virk(fra, til)}<Rolle><sd:UUIDIdentifikator>{role}</sd:UUIDIdentifikator></Rolle>"
            f"<Type><sd:UUIDIdentifikator>{U}</sd:UUIDIdentifikator></Type><Indeks>{idx}</Indeks>"
            f"<ReferenceID>{ref}</ReferenceID>" + (f"<LokalUdvidelseListe>{ext}</LokalUdvidelseListe>" if ext else "") + f"{extra}</sag:{name}>")
def urn(u): return f"<sd:URNIdentifikator>{u}</sd:URNIdentifikator>"
def uuid(u): return f"<sd:UUIDIdentifikator>{u}</sd:UUIDIdentifikator>"
def klasse(role, key, title, fra, til=None, idx="1"):
    ext = f"<si:SagsklasseLokalUdvidelse><si:Facettitel>KLE</si:Facettitel><si:Klassetitel>{title}</si:Klassetitel><si:BrugervendtNoegle>{key}</si:BrugervendtNoegle></si:SagsklasseLokalUdvidelse>"
    return rel("Sagsklasse", role, uuid(U), fra, til, ext, idx=idx)
def registrering(nr, titel, oprettet, foelsomhed, fremdrift, relationer, extra_egenskaber="", system="KSD"):
    fr = "".join(f"<sag:Fremdrift>{virk(at, p='sag:')}<sag:FremdriftStatusKode>{k}</sag:FremdriftStatusKode></sag:Fremdrift>" for k, at in fremdrift)
    it = (f"<si:SagsitsystemRelation>{virk('2026-01-01T00:00:00+01:00')}<Rolle>{uuid(U)}</Rolle><Type>{uuid(U)}</Type><Indeks>1</Indeks><ReferenceID>{uuid(U)}</ReferenceID>"
          f"<si:SystemNavn>{system}</si:SystemNavn></si:SagsitsystemRelation>")
    return (f"<sag:Registrering><sd:Tidspunkt>2026-11-01T12:00:00+01:00</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode><sd:BrugerRef>{uuid(U)}</sd:BrugerRef>"
            f"<sag:AttributListe><sag:Egenskaber>{virk('2026-01-01T00:00:00+01:00', p='sag:')}<sag:BrugervendtNoegle>{nr}</sag:BrugervendtNoegle>"
            f"<sag:Beskrivelse>Beskrivelse med følsomme detaljer om borgeren</sag:Beskrivelse>{extra_egenskaber}"
            f"<sag:Sagsnummer>{nr}</sag:Sagsnummer><sag:Titel>{titel}</sag:Titel></sag:Egenskaber>"
            f"<LokalUdvidelseListe><si:SagIndeksEgenskaber><si:Sagsstatus>Under behandling</si:Sagsstatus><si:Foelsomhed>{foelsomhed}</si:Foelsomhed>"
            f"<si:OprettetTidspunkt>{oprettet}</si:OprettetTidspunkt></si:SagIndeksEgenskaber></LokalUdvidelseListe></sag:AttributListe>"
            f"<sag:TilstandListe>{fr}</sag:TilstandListe><sag:RelationListe>{relationer}<LokalUdvidelseListe>{it}</LokalUdvidelseListe></sag:RelationListe></sag:Registrering>")
NS = 'xmlns:sag="urn:oio:sts:sagdok:sag:6" xmlns:si="urn:oio:sts:sagdok:sagindeks:6" xmlns:sd="urn:oio:sagdok:3.0.0" xmlns="urn:oio:sts:generelledefinitioner:6"'
def journalpost(title, fra, ext="", idx="1"):
    return rel("Journalpost", U, uuid(U), fra, None, ext, f"<sag:JournalpostEgenskaber><sag:Dokumenttitel>{title}</sag:Dokumenttitel></sag:JournalpostEgenskaber>", idx)
def journalnotat(fra, idx):
    notat = "Tm90YXQ6IGJvcmdlcmVuIHJpbmdlZGUgb20gc2luIMO4a29ub21pLg=="
    return rel("Journalpost", U, urn("URN:Empty"), fra, None, "",
               f"<sag:JournalpostEgenskaber><sag:JournalnotatEgenskaber><sag:Titel>Notat om telefonsamtale med borgeren</sag:Titel><sag:Notat>{notat}</sag:Notat><sag:Format>txt</sag:Format></sag:JournalnotatEgenskaber></sag:JournalpostEgenskaber>", idx)

withhold = "<si:SagsklasseLokalUdvidelse><si:Klassetitel>Visning undtaget for borger</si:Klassetitel><si:BrugervendtNoegle>VIS-01</si:BrugervendtNoegle></si:SagsklasseLokalUdvidelse>"
aktoer = (f"<sag:Sagsaktoer>{virk('2026-01-05T09:00:00+01:00')}<Rolle>{uuid(U)}</Rolle><Type>{uuid(U)}</Type><Indeks>1</Indeks><ReferenceID>{uuid(U)}</ReferenceID>"
          f"<LokalUdvidelseListe><si:SagsaktoerLokalUdvidelse><si:FuldtNavn>Karin Sagsbehandlersen</si:FuldtNavn></si:SagsaktoerLokalUdvidelse></LokalUdvidelseListe></sag:Sagsaktoer>")
parter = (rel("Sagspart", PRIMARY, urn("urn:oio:cpr-nr:0101901234"), "2026-01-05T09:00:00+01:00", None,
              "<si:SagspartLokalUdvidelse><si:FuldtNavn>Bent Borgersen</si:FuldtNavn></si:SagspartLokalUdvidelse>", idx="1")
          + rel("Sagspart", SECONDARY, urn("urn:oio:cpr-nr:0202854321"), "2026-01-05T09:00:00+01:00", "2026-06-01T00:00:00+02:00", idx="2")
          + rel("Sagspart", SECONDARY, urn("urn:oio:cpr-nr:0303804321"), "2026-03-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", idx="3")
          + rel("Sagspart", OWNER, urn("urn:oio:cvr-nr:12345678"), "2026-01-05T09:00:00+01:00", idx="4")
          + rel("Sagspart", UNKNOWN, urn("urn:oio:cpr-nr:0404704321"), "2026-01-05T09:00:00+01:00", idx="5"))
klasser = (klasse(PK, "32.30.04", "Udbetaling af sygedagpenge", "2026-01-05T09:00:00+01:00")
           + klasse(PK, "32.24.04", "Tidligere emne", "2025-01-05T09:00:00+01:00", "2026-01-05T09:00:00+01:00", idx="2")
           + klasse(HK, "G01", "Generelle sager", "2026-01-05T09:00:00+01:00")
           + klasse(AK, "AFG-DELVIS", "Delvis bevilget", "2026-09-15T10:00:00+02:00"))
journal = (journalpost("Ansøgning om sygedagpenge", "2026-01-05T09:00:00+01:00", idx="1")
           + journalpost("Lægeerklæring fra psykiatrisk afdeling", "2026-02-10T10:00:00+01:00", withhold, idx="2")
           + journalnotat("2026-02-11T10:00:00+01:00", "3")
           + journalpost("Afgørelse om sygedagpenge", "2026-09-15T10:00:00+02:00", idx="4"))
hemmelig = "<sag:OffentlighedUndtaget><sd:TitelAlternativTekst>Hemmelig titel om misbrugsbehandling</sd:TitelAlternativTekst><sd:OffentlighedUndtagetHjemmelTekst>Offentlighedslovens § 30</sd:OffentlighedUndtagetHjemmelTekst></sag:OffentlighedUndtaget>"
history = [("Opstaaet", "2026-01-05T09:00:00+01:00"), ("Oplyst", "2026-03-02T14:30:00+01:00"),
           ("Afgjort", "2026-09-15T10:00:00+02:00"), ("Afsluttet", "2026-10-01T08:00:00+02:00")]
sag = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sag:Sag {NS}>{uuid("1111aaaa-11aa-22bb-33cc-000000001001")}'
       + registrering("S-1001", "Sygedagpenge", "2026-01-05T09:00:00+01:00", "FOELSOMME_PERSONOPLYSNINGER", history,
                      aktoer + klasser + parter + journal, hemmelig)
       + "</sag:Sag>\n")
open("sf1470/sag-history.xml", "w").write(sag)

def billede(u, reg):
    return f"<sag:FiltreretOejebliksbillede><sag:ObjektType>{uuid(u)}</sag:ObjektType>{reg}</sag:FiltreretOejebliksbillede>"
pp = rel("Sagspart", PRIMARY, urn("urn:oio:cpr-nr:0101901234"), "2026-02-01T00:00:00+01:00")
lst = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sag:ListOutput {NS}><sd:StandardRetur><sd:StatusKode>20</sd:StatusKode><sd:FejlbeskedTekst>OK</sd:FejlbeskedTekst></sd:StandardRetur>'
       + billede("1111aaaa-11aa-22bb-33cc-000000001002", registrering("S-1002", "Kontanthjælp", "2026-02-01T08:00:00+01:00", "FORTROLIGE_PERSONOPLYSNINGER",
                 [("Opstaaet", "2026-02-01T08:00:00+01:00")],
                 klasse(PK, "32.24.04", "Hjælp til forsørgelse", "2026-02-01T00:00:00+01:00") + klasse(VK, "VIS-01", "Visning undtaget for borger", "2026-02-01T00:00:00+01:00", idx="2") + pp, system="KY"))
       + billede("1111aaaa-11aa-22bb-33cc-000000001003", registrering("S-1003", "Boligstøtte", "2026-02-01T08:00:00+01:00", "IKKE_FORTROLIGE_DATA",
                 [("Opstaaet", "2026-02-01T08:00:00+01:00")], klasse(PK, "32.06.00", "Boligstøtte", "2026-02-01T00:00:00+01:00") + pp))
       + billede("1111aaaa-11aa-22bb-33cc-000000001004", registrering("S-1004", "Enkeltydelse", "2026-04-01T08:00:00+02:00", "IKKE_FORTROLIGE_DATA",
                 [("Opstaaet", "2026-04-01T08:00:00+02:00"), ("Oplyst", "2026-04-20T11:00:00+02:00")], klasse(PK, "32.21.12", "Hjælp til enkeltudgifter", "2026-04-01T00:00:00+02:00") + pp))
       + "</sag:ListOutput>\n")
# S-1003: a Fremdrift without its Virkning (valid XSD, but the guide's OB5 requires it).
lst = lst.replace('<sag:Fremdrift><sag:Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>2026-02-01T08:00:00+01:00</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Bruger</sd:AktoerTypeKode></sag:Virkning><sag:FremdriftStatusKode>Opstaaet</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe><sag:RelationListe><sag:Sagsklasse><Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>2026-02-01T00:00:00+01:00</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Bruger</sd:AktoerTypeKode></Virkning><Rolle><sd:UUIDIdentifikator>a86c6581-ec85-412d-a655-31a1f1d5b14f</sd:UUIDIdentifikator></Rolle><Type><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></Type><Indeks>1</Indeks><ReferenceID><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></ReferenceID><LokalUdvidelseListe><si:SagsklasseLokalUdvidelse><si:Facettitel>KLE</si:Facettitel><si:Klassetitel>Boligstøtte',
  '<sag:Fremdrift><sag:FremdriftStatusKode>Opstaaet</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe><sag:RelationListe><sag:Sagsklasse><Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>2026-02-01T00:00:00+01:00</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Bruger</sd:AktoerTypeKode></Virkning><Rolle><sd:UUIDIdentifikator>a86c6581-ec85-412d-a655-31a1f1d5b14f</sd:UUIDIdentifikator></Rolle><Type><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></Type><Indeks>1</Indeks><ReferenceID><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></ReferenceID><LokalUdvidelseListe><si:SagsklasseLokalUdvidelse><si:Facettitel>KLE</si:Facettitel><si:Klassetitel>Boligstøtte')
assert 'FremdriftStatusKode>Opstaaet</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe><sag:RelationListe><sag:Sagsklasse><Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>2026-02-01T00:00:00+01:00</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Bruger</sd:AktoerTypeKode></Virkning><Rolle><sd:UUIDIdentifikator>a86c6581-ec85-412d-a655-31a1f1d5b14f</sd:UUIDIdentifikator></Rolle><Type><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></Type><Indeks>1</Indeks><ReferenceID><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator></ReferenceID><LokalUdvidelseListe><si:SagsklasseLokalUdvidelse><si:Facettitel>KLE</si:Facettitel><si:Klassetitel>Boligstøtte' in lst
open("sf1470/list-response.xml", "w").write(lst)
