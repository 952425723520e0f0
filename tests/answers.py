"""What the bot answers a question with, for the tests that check where questions go."""

from bot.core.library import Library


def answered_by(library: Library, question: str) -> str | None:
    """The id of the entry that answers `question`; None when it gets a did-you-mean, a decline
    or an entry that says the articles do not answer it."""
    hit = library.match(question).answered
    return hit.entry.id if hit is not None else None
