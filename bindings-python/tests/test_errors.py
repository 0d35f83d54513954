"""Bad input raises EgensagError with the library's code, message and path; never a crash.
The engine stays usable afterwards."""

from __future__ import annotations

import json
import pickle

import pytest

import egensag
from conftest import VECTORS

POLICY = {"id": "p", "kle": {"include": [{"pattern": "*"}]}}
REQUEST = {
    "as_of": "2026-11-23",
    "subject": {"cpr": "0101901234"},
    "viewer": {"cpr": "0101901234", "role": "self"},
}


@pytest.fixture(scope="module")
def engine() -> egensag.Engine:
    return egensag.Engine(POLICY)


def error(call: object, *args: object) -> egensag.EgensagError:
    assert callable(call)
    with pytest.raises(egensag.EgensagError) as caught:
        call(*args)
    return caught.value


def test_malformed_json(engine: egensag.Engine) -> None:
    e = error(engine.overview, "{")
    assert (e.code, e.path) == ("invalid_json", "")
    assert e.message == "EOF while parsing an object at line 1 column 1"
    assert e.to_json() == '{"code":"invalid_json","message":"EOF while parsing an object at line 1 column 1","path":""}'
    assert str(e) == "invalid_json: EOF while parsing an object at line 1 column 1"


def test_not_json_vector() -> None:
    directory = VECTORS / "error-not-json"
    engine = egensag.Engine((directory / "policy.json").read_text(encoding="utf-8"))
    e = error(engine.overview_json, (directory / "request.json").read_text(encoding="utf-8"))
    assert e.to_json() == (directory / "error.json").read_text(encoding="utf-8")


def test_non_utf8_bytes(engine: egensag.Engine) -> None:
    e = error(engine.overview, b'{"as_of": "\xff"}')
    assert (e.code, e.path) == ("invalid_json", "")
    assert e.message == "expected UTF-8 text; invalid byte at offset 11"


def test_lone_surrogate_in_str(engine: egensag.Engine) -> None:
    e = error(engine.validate, '{"as_of": "\udc80"}')
    assert (e.code, e.message) == ("invalid_json", "expected UTF-8 text; invalid byte at offset 11")
    # in a dict: json.dumps keeps it, and the library refuses it the same way
    e = error(engine.validate, {**REQUEST, "as_of": "\udc80"})
    assert e.code == "invalid_json"


def test_non_utf8_paths_name_the_input(engine: egensag.Engine) -> None:
    assert error(egensag.Engine, POLICY, b"\xff").path == "catalogue"
    assert error(engine.notifications, b"\xff", "{}").path == "previous"
    assert error(engine.notifications, "{}", b"\xff").path == "current"
    assert error(engine.add_sources, REQUEST, b"\xff").path == "sources"
    assert error(egensag.sources, "sf1470", "<Sag/>", "2026-11-23", b"\xff").path == "profile"
    assert error(egensag.sources, "sf1470", b"\xff", "2026-11-23").path == ""


def test_wrong_types_in_json(engine: egensag.Engine) -> None:
    e = error(engine.overview, {**REQUEST, "as_of": 20261123})
    assert (e.code, e.path) == ("invalid_input", "as_of")
    e = error(engine.overview, {**REQUEST, "cases": [{"id": 5}]})
    assert e.code == "invalid_input"
    assert e.path.startswith("cases[0]")
    e = error(engine.overview, "[]")
    assert e.code == "invalid_input"


def test_missing_field(engine: egensag.Engine) -> None:
    e = error(engine.overview_json, {"as_of": "2026-11-23"})
    assert e.to_dict() == {"code": "invalid_input", "message": "missing field `subject`", "path": ""}


def test_invalid_policy_and_catalogue() -> None:
    e = error(egensag.Engine, {"kle": {"include": []}})
    assert (e.code, e.message, e.path) == ("invalid_policy", "missing field `id`", "")
    e = error(egensag.Engine, POLICY, "<KLE-Emneplan>")
    assert (e.code, e.path) == ("invalid_policy", "catalogue")


def test_notifications_paths(engine: egensag.Engine) -> None:
    assert error(engine.notifications, "{}", "{}").path.startswith("previous")
    overview = engine.overview_json(REQUEST)
    assert error(engine.notifications, overview, "{").path.startswith("current")


def test_sources_errors() -> None:
    e = error(egensag.sources, "sf1470", "<Sag", "2026-11-23")
    assert e.code == "invalid_json"
    e = error(egensag.Engine.sources_json, "sf9999", "<Sag/>", "2026-11-23")
    assert e.code == "invalid_input"


def test_errors_carry_no_personal_data(engine: egensag.Engine) -> None:
    cpr = "3112995678"
    e = error(engine.overview, {**REQUEST, "subject": {"cpr": cpr}, "cases": [{"id": "x", "title": "Skilsmisse"}]})
    assert cpr not in str(e) and "Skilsmisse" not in str(e) and cpr not in e.to_json()


def test_python_types_that_are_not_json_raise_type_error(engine: egensag.Engine) -> None:
    with pytest.raises(TypeError, match="request: expected a dict, str or bytes, not int"):
        engine.overview(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="policy: expected a dict, str or bytes, not list"):
        egensag.Engine([])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="request: cannot be written as JSON"):
        engine.overview({**REQUEST, "as_of": object()})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="request: cannot be written as JSON"):
        engine.overview({**REQUEST, "x": float("nan")})  # type: ignore[dict-item]


def test_the_engine_stays_usable(engine: egensag.Engine) -> None:
    for bad in ("{", b"\xff", "[]"):
        error(engine.validate, bad)
    assert engine.validate(REQUEST) == {"valid": True, "problems": []}


def test_error_json_is_the_library_s(engine: egensag.Engine) -> None:
    # The library names a plain unknown key, and withholds one that is not (it could be
    # anything, e.g. personal data); to_json() writes both exactly as the library does.
    expected = "expected one of `as_of`, `language`, `subject`, `viewer`, `mandates`, `consents`, " \
        "`privileges_intermediate`, `cases`, `benefits`, `appointments`, `plans`"
    e = error(engine.validate, json.dumps({**REQUEST, "zz": 1}))
    assert e.to_json() == '{"code":"invalid_input","message":"unknown field `zz`, ' + expected + '","path":"zz"}'
    e = error(engine.validate, json.dumps({**REQUEST, 'a"\u0001\\æ\n': 1}))
    assert e.to_json() == '{"code":"invalid_input","message":"unknown field, ' + expected + '","path":"?"}'


def test_errors_pickle_and_compare(engine: egensag.Engine) -> None:
    e = error(engine.overview, "{")
    again = pickle.loads(pickle.dumps(e))
    assert isinstance(again, egensag.EgensagError)
    assert (again.code, again.message, again.path) == (e.code, e.message, e.path)
    assert isinstance(e, Exception)
