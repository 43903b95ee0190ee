"""Keystrokes become finished searches; feedback and searches wait for the sync."""

import datetime as dt

import pytest

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.services.kb_usage import SearchTracker, Usage
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.state import set_value
from pac_sac_desktop.sync.kb_push import ANALYTICS

T0 = dt.datetime(2026, 12, 4, 14, 0, tzinfo=dt.UTC)


def test_typing_one_query_is_one_search_ended_by_an_opening_or_a_new_query():
    t = SearchTracker()
    assert t.typed("nid", 12, T0) is None
    assert t.typed("nid de po", 3, T0) is None
    assert t.typed("nid de poule", 2, T0) is None
    done = t.opened("nid-de-poule-signaler")
    assert (done.query, done.results, done.opened) == ("nid de poule", 2, "nid-de-poule-signaler")
    t.typed("compost gratuit", 0, T0)
    done = t.typed("piscine", 4, T0 + dt.timedelta(seconds=5))
    assert (done.query, done.results, done.opened) == ("compost gratuit", 0, None)
    assert t.flush(T0 + dt.timedelta(seconds=10)) is None  # not settled yet
    assert t.flush(T0 + dt.timedelta(seconds=40)).query == "piscine"
    t.typed("appeler 450 555-0199", 0, T0)
    assert t.typed("", 0, T0).query == "appeler [nombre]"  # personal numbers never stored


def test_feedback_and_searches_are_kept_for_the_sync_unless_the_city_opted_out(home):
    db = Database.in_home(home)
    try:
        usage = Usage(db)
        usage.give_feedback("ecocentre", "useful")
        with pytest.raises(ValidationFailed):
            usage.give_feedback("ecocentre", "fix", "")  # say what to fix
        assert [f.kind for f in usage.pending_feedback()] == ["useful"]
        t = SearchTracker()
        t.typed("bac brun", 3, T0)
        assert usage.record_search(t.opened("bac-brun"))
        with db.transaction() as s:
            set_value(s, ANALYTICS, "off")
        t.typed("compost", 0, T0)
        assert not usage.record_search(t.typed("", 0, T0))
        assert [e.query for e in usage.pending_searches()] == ["bac brun"]
    finally:
        db.close()
