"""Actors: the knowledge base, phrase resolution, mentions in documents, coreference."""

from newsevents.actors.knowledge import KnowledgeBase, normalize_name
from newsevents.actors.mentions import DocumentActors, find_actor_mentions
from newsevents.actors.resolver import ActorResolver, Resolution

__all__ = ["ActorResolver", "DocumentActors", "KnowledgeBase", "Resolution",
           "find_actor_mentions", "normalize_name"]
