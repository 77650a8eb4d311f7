"""Grouping settings, with defaults tuned on ECB+ topics 1-22 (see eval/stories.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from storylens.group.near_dup import NearDupConfig
from storylens.group.vectors import VectorConfig

ALGORITHM = "group.minhash_tfidf.v1"


@dataclass(slots=True, frozen=True)
class GroupConfig:
    """`entity_weight`: share of the similarity that comes from named entities
    (the rest from words); `threshold`: similarity an article needs to join a
    story online; `batch_threshold`: average-link similarity two clusters need
    to merge in batch; `window_days`: how far outside a story's date range an
    article may fall and still join (the range grows with each article, so a
    story that keeps getting articles stays open). `refine_ratio`: inside a
    batch cluster (with IDF computed inside it), a split into two sides of at
    least `refine_min_part` articles is kept when the average similarity
    across the sides is below this share of the average within them; None
    turns the refinement off. `min_entity_share`: an article scoring under
    `entity_share_override` may join a story only when at least this share
    of its names (weighted by rarity) already occur in the story; 0 turns the
    check off, the default, because on ECB+ 1-22 it traded recall for
    precision one for one (0.3: online B3 P 0.847 -> 0.900, R 0.950 -> 0.857,
    F1 0.896 -> 0.878; 23-45: F1 0.866 -> 0.864). `probe_terms`,
    `posting_cap`, `max_candidates` bound the work of placing one article
    (see stories.py).

    Online repair (round 3; stories.py): after each placement the article's
    story is re-examined locally. `online_split`: when the story has grown
    to `refine_min_size` (checked at each size up to twice that, then at
    every quarter of growth) it is bisected like a batch cluster
    (regroup.refine_cluster, cluster-local IDF) and the minority side
    becomes a new story: this mends the early mistakes (a look-alike event
    let in while the story had 1-3 articles) that no join veto could
    prevent without losing recall. `merge_threshold`: the story is then
    merged with the most similar story among those the article was compared
    with, when both hold 2+ articles, their dates meet within the window
    and their centroids are at least this alike (None: no merging). With
    repair the join `threshold` can be lower (0.22 -> 0.18). ECB+ 1-22,
    online B3 F1 mean / worst of 5 orders:
      no repair (threshold 0.22)                 0.896 / 0.876 (P 0.847 R 0.950)
      split only                                 0.928 / 0.902 (P 0.921 R 0.935)
      split + merge 0.5                          0.932 / 0.916
      split + merge 0.4 / 0.3 (merges too much)  0.895 / 0.880
      split + merge 0.6                          0.929 / 0.902
      split + merge 0.5, threshold 0.18          0.939 / 0.930 (P 0.923 R 0.956)  <- default
      split + merge 0.5, threshold 0.16          0.940 / 0.934
      split + merge 0.5, threshold 0.25          0.922 / 0.901
      split + merge 0.5, refine_ratio 0.45 / 0.3 0.920 / 0.918
    `small_story_size`/`small_story_margin`: a stricter join threshold for
    stories under that size, left to merges to repair; off (0) because it
    did not help: size 3, margin 0.05 with split + merge 0.5 gave 0.919 /
    0.891 (recall 0.943 -> 0.917: the merge does not bring the strays back).
    `split_every`: a story is checked again only after growing by this many
    articles (and a quarter): 1: 0.939 / 0.930, 3: 0.942 / 0.930 (default,
    a third of the checks), 4: 0.940 / 0.937, 6: 0.936 / 0.902. Merge
    candidates are only the stories the article itself could have joined
    (same scores as comparing with all stories in reach, far cheaper).
    ECB+ 23-45 (checked once, split_every 1): online 0.866 -> 0.914 (worst
    order 0.911).

    Batch (round 3, not kept): a merge pass after average link and
    refinement, joining clusters whose centroids (batch vectors, words and
    entities mixed as above) are at least t alike, did nothing on ECB+ 1-22
    at t >= 0.5 (B3 F1 0.943 stays) and hurt below (0.4: 0.915, 0.3: 0.887):
    the clusters batch leaves apart are not near-identical ones.

    Batch consensus (round 4; consensus.py), the default: the online
    grouper with repair runs over `consensus_runs` arrival orders fixed by
    the articles' content hashes (so the result does not depend on the real
    arrival order); the average-link + refinement clustering is one more
    vote when `consensus_batch_vote`; pairs are counted sparsely and the
    articles clustered by average link over the share of votes, cut at
    `consensus_cut` (0: the plain batch clustering). ECB+ 1-22, batch B3 F1
    (plain batch 0.943, 0.4 s; each online run 0.93-0.95, 0.5 s):
      K  batch vote  cut 0.4  cut 0.5  cut 0.6   time
      3  no          0.950    0.946    0.946     1.6 s
      3  yes         0.950    0.948    0.945     2.0 s
      5  no          0.948    0.946    0.938     2.6 s
      5  yes         0.948    0.948    0.942     2.9 s   <- default (cut 0.5)
      7  no          0.950    0.948    0.944     3.6 s
      7  yes         0.950    0.948    0.946     4.0 s
    K 5 with the batch vote at a majority cut: as good as K 7 at 0.5, more
    stable in K than cut 0.4 (which gains on recall only). ECB+ 23-45
    (checked once): batch 0.913 -> 0.920 (P 0.887 R 0.955; pair F1 0.866,
    ARI 0.863); online unchanged 0.914. Cost: 5,000 ABP articles regroup in
    27 s instead of 6 s, 3,707 clusters instead of 3,246 (largest 25 vs 24):
    the online runs leave more stories apart than average link does.

    Days, months and years (round 5; features.time_terms): look-alike
    events of one kind (two quakes on one island, two offers to one player,
    two elections in one country) share their who, where and what but not
    their when, and every report of one event names the same day. Batch
    similarity mixes in the cosine of the weekdays, months and years the
    leads name (IDF over the collection) with weight `batch_when_weight`,
    only when both articles name one (no date is no evidence). On ECB+ 1-22,
    cross-event / within-event similarity inside a topic falls from 0.32 to
    0.26 on average (0.73 -> 0.55 for the two endangered-species rulings,
    0.63 -> 0.43 for the two Turkmen elections); the time terms alone
    separate the events best of all features (0.14). Plain batch B3 F1 (no
    consensus) by weight: 0 0.943, 0.05 0.948, 0.1 0.956, 0.15 0.956,
    0.2 0.952, 0.3 0.823 (undated-by-text articles then chain). The online
    split check uses it too (it bisects with similarity_edges); that is
    where the consensus gains: with the weight in batch only (not in the
    split) the consensus stays at 0.948. Weight 0.15, ECB+ 1-22: batch
    0.948 -> 0.952 (P 0.930 R 0.974), online 0.942 -> 0.938 (worst order
    0.930 both); 23-45 (checked once): batch 0.920 -> 0.930 (P 0.895
    R 0.967; pair F1 0.866 -> 0.880, ARI 0.863 -> 0.877), online 0.914 ->
    0.919 (pair F1 0.861 -> 0.867).

    `when_weight`: the same mix online, in the join and merge similarity
    (a story keeps the sum of its articles' time-term vectors; running IDF).
    ECB+ 1-22 (with batch_when_weight 0.15), online / batch B3 F1:
      0      0.938 (worst 0.930) / 0.952
      0.1    0.945 (worst 0.938) / 0.955
      0.15   0.944 (worst 0.929) / 0.955   <- default (0.949 / 0.955 once
             time_terms became one regex pass and a look-up: 'Mar2' no longer
             counts as a month)
      0.2    0.945 (worst 0.929) / 0.956
      0.3    0.939 (worst 0.930) / 0.955
      0.15, threshold 0.2: 0.944 / 0.955; 0.1, threshold 0.2: 0.942 / 0.953
    23-45 (checked once): online 0.919 -> 0.922 (worst 0.911 -> 0.917,
    P 0.887 -> 0.896), batch 0.9296 -> 0.9300 (P 0.895 -> 0.903, R 0.967
    -> 0.959; pair F1 0.867 -> 0.873 online, 0.880 -> 0.881 batch).
    Cost: ~30 us per article to read the terms; placing 8,000 ABP articles
    ~3% slower in CPU time.

    Only pairs where at least one side is undated mix the time terms in
    (batch and online): two dated articles are left to the time factor,
    since a follow-up names later days than the first report (a flood on
    Tuesday, its toll given on Wednesday) and their dates already say how
    far apart they are. ECB+ is undated: its figures do not change.

    `refine_when_weight`: the weight of the time terms inside the bisection
    of refine_cluster (None: `batch_when_weight`), where IDF is local and the
    shared what/where count for little, so when weighs more there.
    `consensus_refine`: the consensus clusters are bisected the same way
    (the consensus can only keep or merge what the votes proposed). ECB+
    1-22, online / batch B3 F1:
      refine_when_weight None (0.15), no consensus refine   0.949 / 0.955
      0.3, no consensus refine                              0.951 / 0.955
      consensus refine only (0.15)                          0.949 / 0.955
      consensus refine, 0.2                                 0.949 / 0.955
      consensus refine, 0.25                                0.953 / 0.960
      consensus refine, 0.3                                 0.951 / 0.960  <- default
      consensus refine, 0.35                                0.948 / 0.960
      consensus refine, 0.4                                 0.950 / 0.963
    (post-consensus refinement tried on its own as well, refine_ratio 0.35 /
    0.45 / 0.55 / 0.65 with the 0.15 weight: 0.954 / 0.950 / 0.903 / 0.837:
    a looser stop rule only cuts true stories.) 23-45 (checked once):
    online 0.922 -> 0.928 (worst 0.917 -> 0.920), batch 0.930 -> 0.940
    (P 0.903 -> 0.923, pair F1 0.881 -> 0.896, ARI 0.879 -> 0.894). 1-22
    batch B3 P 0.929 -> 0.946. Regroup of 5,000 ABP articles: 31.6 s CPU
    before the time terms, 34.3 s with all of them (3,707 -> 3,729
    clusters, largest 25 -> 24).

    Tried, not kept (round 5): numbers named in the lead (counts, amounts,
    magnitudes) as a vector of their own like the time terms: inside ECB+
    1-22 topics the cross-event / within-event similarity barely moves
    (0.289 -> 0.286 at weight 0.15; tolls and amounts change from report to
    report). Spectral (normalized-cut) bisection of a cluster over terms
    shared by 2 to 70% of its articles did not find the two events of the
    mixed clusters (its cut ratio for them 0.22-0.46, for pure clusters
    0.09-0.68). A more diverse consensus (batch votes at thresholds 0.06 to
    0.22, online votes at thresholds 0.14 to 0.26) did not beat 0.948
    before the time terms; neither did a higher entity weight (0.4: 0.944,
    0.5: 0.941) or longer leads / more terms in batch vectors.

    `batch_threshold` is 0.1 rather than the 0.06 that scored best on ECB+
    1-22 (0.950 vs 0.943 B3 F1): ECB+ topics sit far apart, real collections
    do not, and on 5,000 ABP articles 0.06 chained undated articles on one
    theme (the Russia inquiry) into clusters of 20-30 different events."""

    entity_weight: float = 0.3
    threshold: float = 0.18
    batch_threshold: float = 0.1
    window_days: int = 7
    refine_ratio: float | None = 0.35
    refine_min_size: int = 6
    refine_min_part: int = 3
    min_entity_share: float = 0.0
    entity_share_override: float = 0.4
    probe_terms: int = 8
    posting_cap: int = 100
    max_candidates: int = 15
    centroid_terms: int = 400
    online_split: bool = True
    split_every: int = 3
    merge_threshold: float | None = 0.5
    small_story_size: int = 0
    consensus_runs: int = 5
    consensus_cut: float = 0.5
    consensus_batch_vote: bool = True
    small_story_margin: float = 0.0
    batch_when_weight: float = 0.15
    when_weight: float = 0.15
    refine_when_weight: float | None = 0.3
    consensus_refine: bool = True
    vectors: VectorConfig = field(default_factory=VectorConfig)
    # Batch vectors also weigh word pairs ("sixth round", "red sox"): that
    # separates look-alike events in batch (ECB+ 1-22: B3 F1 0.910 -> 0.950)
    # but did not help online, where it would double the index's memory.
    batch_vectors: VectorConfig = field(
        default_factory=lambda: VectorConfig(max_terms=200, bigrams=0.75)
    )
    near_dup: NearDupConfig = field(default_factory=NearDupConfig)


def combined_similarity(
    text_cos: float, entity_cos: float, both_have_entities: bool, config: GroupConfig
) -> float:
    """Words and entities mixed; when either side has no entities at all, the
    words alone decide (an absent NER result is not evidence of difference)."""
    if not both_have_entities:
        return text_cos
    return (1.0 - config.entity_weight) * text_cos + config.entity_weight * entity_cos
