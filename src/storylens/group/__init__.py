"""Stories: near-duplicate copies, online placement, batch regrouping.

`near_dup.NearDuplicateIndex` finds syndicated copies; `stories.StoryGrouper`
places articles one at a time; `stories.regroup` re-clusters a whole store;
`stories.merge_stories` / `stories.split_story` record manual decisions that
regrouping honours. The algorithm is registered as `group.minhash_tfidf.v1`.
"""
