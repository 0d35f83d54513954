#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from tests/vectors/, tests/sources/ and examples/data/ (idempotent).

Files are named by their SHA-1, as libFuzzer names them, so re-running adds nothing twice.
"""
import base64, hashlib, json, os, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)

dirs = sorted(p for p in (root / "tests" / "vectors").iterdir() if p.is_dir())
requests, policies, catalogues = [], [], []
for d in dirs:
    for name, bucket in (("request.json", requests), ("policy.json", policies), ("catalogue.xml", catalogues)):
        f = d / name
        if f.exists():
            bucket.append(f.read_bytes())
    prev, cur = d / "previous.json", d / "overview.json"
    if prev.exists() and cur.exists():
        put("notifications_pair", prev.read_bytes() + b"\0" + cur.read_bytes())
        put("notifications_pair", cur.read_bytes() + b"\0" + prev.read_bytes())
data = root / "examples" / "data"
for f in sorted(data.glob("*.json")):
    (policies if f.name == "policy.json" else requests).append(f.read_bytes())
catalogues.append((data / "kle-sample.xml").read_bytes())

for r in requests:
    put("request_json", r)
    put("c_api", b"\x01" + r)
    try:
        claim = json.loads(r).get("privileges_intermediate")
    except ValueError:
        claim = None
    if isinstance(claim, str):
        try:
            put("privileges_claim", base64.b64decode(claim))
        except ValueError:
            pass
        put("privileges_claim", claim)
for p in policies:
    put("policy_json", p)
    put("c_api", b"\x00" + p)
for c in set(catalogues):
    put("catalogue_xml", c)
    put("c_api", b"\x04" + c)
# Small hand-written seeds for the XML claim.
put("privileges_claim", '<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">'
    '<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101901234">'
    '<Privilege>urn:dk:kombit:system_xyz:view_case</Privilege>'
    '<Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>'
    '<Constraint Name="urn:dk:kombit:sensitivity">3</Constraint>'
    '</PrivilegeGroup><PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678">'
    '<Privilege>urn:x</Privilege></PrivilegeGroup></bpp:PrivilegeList>')
# The index readers: the hand-made fixtures, and every vector's index documents.
sources = root / "tests" / "sources"
for kind in ("sf1470", "ydelsesindeks"):
    seeds = sorted((sources / kind).glob("*.xml")) + sorted(root.glob(f"tests/vectors/*/{kind}.xml"))
    for f in seeds:
        put(f"sources_{kind}", f.read_bytes())
