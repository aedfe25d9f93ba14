"""The last stage of the pipeline: the writer's own. `dictionary` holds the words they added (never
flagged) and the ones they ignore; `profile` keeps their own slips, learned from what they accept,
reject and retype; `personalize` wraps any engine so it uses that profile.
"""
