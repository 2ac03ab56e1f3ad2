"""Stories: reports of the same happening, across articles and outlets.

``event_keys`` gives each event a document-level story key; ``text_similarity`` scores
whether two texts report the same happening; ``near_duplicates`` fingerprints articles so
syndicated and updated copies are linked instead of counted as new evidence;
``clustering`` decides which stored story a newly reported event belongs to; ``merging``
and ``conflicts`` pick each story's best-supported values and find where sources disagree.
"""

from newsevents.stories.event_keys import assign_story_ids
from newsevents.stories.text_similarity import similarity

__all__ = ["assign_story_ids", "similarity"]
