"""Hub correction of the vector ranking (search/vectors.py: ``hubness``, ``nearest``).

A sheet whose vector is close to every other sheet (generic wording) is close to every query
too: on plain cosine it outranks the specific sheet of a query that is only slightly nearer to
it. The correction subtracts part of each article's mean cosine to its nearest articles."""

import numpy as np

from pac_sac_desktop.search.vectors import (
    VectorState,
    hubness,
    nearest,
    neighbours,
    update_neighbours,
)


def corpus(n=12):
    """``n`` unrelated sheets (orthonormal vectors) and one hub equally close to all of them."""
    specific = np.eye(n, dtype=np.float32)
    hub = specific.sum(axis=0) / np.sqrt(n)
    matrix = np.vstack([specific, hub[None, :]]).astype(np.float32)
    ids = (*(f"sheet-{i}" for i in range(n)), "hub")
    return ids, matrix


def test_hubness_is_the_mean_cosine_to_the_nearest_other_articles():
    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(50, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    cos = matrix @ matrix.T
    np.fill_diagonal(cos, -np.inf)
    expected = np.sort(cos, axis=1)[:, -5:].mean(axis=1)
    # By blocks of rows (chunk) as for a large knowledge base: the same values.
    assert np.allclose(hubness(matrix, 5, chunk=7), expected, atol=1e-6)
    assert np.allclose(hubness(matrix, 5), expected, atol=1e-6)
    # Fewer articles than neighbours asked: all the others; a lone article: 0.
    three = matrix[:3] @ matrix[:3].T
    others = (three.sum(axis=1) - np.diag(three)) / 2
    assert np.allclose(hubness(matrix[:3], 20), others, atol=1e-6)
    assert hubness(matrix[:1]).tolist() == [0.0]


def test_a_hub_slightly_closer_to_the_query_no_longer_outranks_the_specific_sheet():
    ids, matrix = corpus()
    hubs = hubness(matrix)
    assert hubs[-1] > 5 * hubs[:-1].max()  # the hub is the article close to everything
    query = matrix[0] + 1.1 * matrix[-1]  # about sheet 0, worded generally
    query /= np.linalg.norm(query)
    assert float(query @ matrix[-1]) > float(query @ matrix[0])  # the hub is nearer on cosine
    plain = VectorState(ids, matrix, 1, "m")
    corrected = VectorState(ids, matrix, 1, "m", hubs)
    assert nearest(plain, query, 3)[0][0] == "hub"
    ranked = nearest(corrected, query, 3)
    assert [a for a, _ in ranked][:2] == ["sheet-0", "hub"]
    # The cosine returned is the true one (the fusion's floor judges meaning, not rank).
    assert dict(ranked)["hub"] == float(query @ matrix[-1])


def test_a_query_about_everything_still_finds_the_hub_first():
    ids, matrix = corpus()
    query = matrix[-1].copy()
    state = VectorState(ids, matrix, 1, "m", hubness(matrix))
    assert nearest(state, query, 1)[0][0] == "hub"


def unit_rows(rng, n, dim=16):
    rows = rng.normal(size=(n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_an_update_of_a_few_articles_gives_the_hubness_of_a_full_recomputation():
    """update_neighbours compares only what changed; it must agree with every article against
    every other, whether articles are withdrawn, changed (withdrawn and re-added) or added."""
    rng = np.random.default_rng(11)
    for trial in range(20):
        old_matrix = unit_rows(rng, 120)
        old = neighbours(old_matrix)
        gone = set(rng.choice(120, size=int(rng.integers(0, 15)), replace=False).tolist())
        if trial == 0:  # the strongest hub changes: many articles lose a neighbour
            gone.add(int(np.argmax(old.hubness())))
        keep = [i for i in range(120) if i not in gone]
        added = unit_rows(rng, int(rng.integers(0, 12)))
        matrix = np.concatenate([old_matrix[keep], added])
        updated = update_neighbours(old, keep, matrix)
        full = neighbours(matrix)
        assert np.allclose(updated.hubness(), full.hubness(), atol=1e-6), trial
        assert np.allclose(
            np.sort(updated.cosines, axis=1), np.sort(full.cosines, axis=1), atol=1e-6
        )
        # The rows stored are the neighbours' (the next update relies on them).
        recomputed = np.einsum("ij,ikj->ik", matrix, matrix[updated.rows])
        assert np.allclose(recomputed, updated.cosines, atol=1e-6)


def test_update_of_a_tiny_knowledge_base_growing_past_the_neighbour_count():
    rng = np.random.default_rng(3)
    small = unit_rows(rng, 5)
    grown = np.concatenate([small, unit_rows(rng, 30)])
    updated = update_neighbours(neighbours(small), list(range(5)), grown)
    assert np.allclose(updated.hubness(), hubness(grown), atol=1e-6)
    assert update_neighbours(neighbours(small[:1]), [0], small[:1]).hubness().tolist() == [0.0]


def _series(original: np.ndarray, first_axis: int, n: int, cosine: float) -> np.ndarray:
    """``n`` near-copies of ``original``, each at ``cosine`` from it (own extra direction)."""
    eps = np.sqrt(1.0 / cosine**2 - 1.0)
    copies = np.tile(original, (n, 1))
    copies[np.arange(n), first_axis + np.arange(n)] = eps
    return copies / np.linalg.norm(copies, axis=1, keepdims=True)


def test_how_alike_a_sheets_copies_are_does_not_decide_its_rank():
    """Two sheets each with a series of near-copies (notices worded alike), one series closer
    to its sheet than the other. Uncapped, the closer series made its sheet the bigger "hub",
    and the query's nearer sheet lost to the other; a near-copy now counts as 0.8."""
    dim = 64
    a, b = np.eye(dim, dtype=np.float32)[0], np.eye(dim, dtype=np.float32)[1]
    matrix = np.vstack([a, b, _series(a, 2, 20, 0.97), _series(b, 22, 20, 0.85)]).astype(np.float32)
    ids = ("a", "b", *(f"a-{i}" for i in range(20)), *(f"b-{i}" for i in range(20)))
    hubs = hubness(matrix)
    assert hubs.max() <= 0.8 + 1e-6
    query = (0.72 * a + 0.69 * b).astype(np.float32)
    query /= np.linalg.norm(query)
    assert nearest(VectorState(ids, matrix, 1, "m", hubs), query, 1)[0][0] == "a"
