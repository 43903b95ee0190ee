"""The bulk segment writer produces what Whoosh's own writer would, posting for posting."""

from whoosh import index as windex

from pac_sac_desktop.core.kb import find_article_files, read_article_file
from pac_sac_desktop.search.bulk import write_segment
from pac_sac_desktop.search.index import _document, make_schema
from tests.conftest import DEMO_KB


def _dump(directory):
    ix = windex.open_dir(str(directory))
    with ix.searcher() as s:
        r = s.reader()
        by_id = {s.stored_fields(d)["id"]: d for d in range(r.doc_count_all())}
        order = sorted(by_id)
        rank = {by_id[a]: i for i, a in enumerate(order)}  # compare by article, not docnum
        stored = [s.stored_fields(by_id[a]) for a in order]
        lengths = {
            f: [r.doc_field_length(by_id[a], f) for a in order] for f in ("head", "text", "words")
        }
        terms = {}
        for field in ("head", "id", "service", "text", "words"):
            for term, info in r.iter_field(field):
                m = r.postings(field, term)
                postings = []
                while m.is_active():
                    postings.append((rank[m.id()], round(m.weight(), 4), m.value()))
                    m.next()
                terms[(field, term)] = (info.doc_frequency(), info.weight(), sorted(postings))
        totals = {f: r.field_length(f) for f in ("head", "text", "words")}
    ix.close()
    return stored, lengths, terms, totals


def test_bulk_segment_equals_whoosh_add_document(tmp_path):
    articles = [read_article_file(f) for f in find_article_files(DEMO_KB)]
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    ix = windex.create_in(str(ours), make_schema())
    assert write_segment(ix, articles[:60]) == 60
    assert write_segment(ix, articles[60:]) == len(articles) - 60  # a second segment
    ix.close()
    ix = windex.create_in(str(theirs), make_schema())
    with ix.writer() as w:
        for a in articles:
            w.add_document(**_document(a))
    ix.close()
    a, b = _dump(ours), _dump(theirs)
    assert a[0] == b[0]  # stored fields
    assert a[1] == b[1]  # per-document lengths
    assert a[3] == b[3]  # total lengths
    assert a[2].keys() == b[2].keys()
    assert a[2] == b[2]
