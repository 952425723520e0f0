"""Fixtures the end-to-end modules share: a working folder and a Bot API emulator per module.

One emulator per module (the machine has two cores); each module starts its own bot in
`workdir`, configured as its tests need.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import Emulator, emulator_running


@pytest.fixture(scope="module")
def workdir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the module's own for the emulator's log, the bot's database and files."""
    return tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2])


@pytest.fixture(scope="module")
def emulator(workdir: Path) -> Iterator[Emulator]:
    """The Bot API emulator on 127.0.0.1, for the module's bot and its emulated users."""
    with emulator_running(workdir) as emulator:
        yield emulator
