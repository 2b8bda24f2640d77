"""Every command has help with an example."""

import pytest

from kg.cli import main


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


@pytest.mark.parametrize("path,cmd", list(_commands(main)), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_has_help_with_an_example(run_kg, path, cmd):
    result = run_kg(*path, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
