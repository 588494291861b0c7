"""Every command of the window, once: the registry behind menus, command palette and shortcut help.

Each action is one `ActionId` member whose value says its text, menu, default keys and the
pane it belongs to (Picard's enum-keyed registry). Default keys prefer
`QKeySequence.StandardKey` so each platform gets its native chord; the researcher's own keys
are saved in settings (Frescobaldi's action collection). Menus, palette, help and editor all
read this one registry, so they can never disagree. A feature adds its command with one member
here and connects it with `ActionRegistry.on(ActionId.X, slot)`.
"""
from __future__ import annotations

import enum
import json
import logging
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.settings import Settings

log = logging.getLogger(__name__)

Key = QKeySequence.StandardKey


class Scope(enum.Enum):
    """Where a shortcut works: anywhere in the window, or only while focus is inside one pane."""

    WINDOW = "anywhere"
    ARTICLES = "article list"
    READER = "reader"
    QUOTES = "quotes panel"
    COMPARE = "comparison"
    SEARCH = "search panel"
    FACTS = "fact matrix"
    OVERVIEW = "story overview"
    NOTES = "notes panel"


MENUS = ("File", "Edit", "View", "Go", "Compare", "Help")


@dataclass(frozen=True)
class ActionSpec:
    text: str
    menu: str
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    scope: Scope = Scope.WINDOW
    tip: str = ""
    checkable: bool = False


class ActionId(enum.Enum):
    OPEN_CORPUS = ActionSpec("&Open folder…", "File", (Key.Open,), tip="Open a folder of articles as the corpus")
    OPEN_FILES = ActionSpec("Open &files…", "File", ("Ctrl+Shift+O",), tip="Open chosen article files as the corpus")
    OPEN_SAMPLE = ActionSpec("Open the &sample corpus", "File", tip="The five bundled FTC/Amazon articles")
    RELOAD_CORPUS = ActionSpec("&Reload corpus", "File", ("F5",), tip="Read the current corpus again from disk")
    CANCEL_TASK = ActionSpec("&Cancel background work", "File", ("Esc",),
                             tip="Stop the newest job shown in the status bar (e.g. reading a corpus)")
    EXPORT_COMPARISON = ActionSpec("Export &comparison…", "File", ("Ctrl+E",),
                                   tip="The comparison on show as a PDF, HTML, CSV or JSON report, with citations")
    EXPORT_QUOTES = ActionSpec("Export &quotes…", "File", ("Ctrl+Shift+E",),
                               tip="The quotes listed in the quotes panel (its party filter applied), with citations")
    EXPORT_FACTS = ActionSpec("Export &fact matrix…", "File", ("Ctrl+Alt+E",),
                              tip="Every fact, each outlet's wording and the discrepancies, with citations")
    EXPORT_RECORD = ActionSpec("Export the &research record…", "File", ("Ctrl+Alt+Shift+E",),
                               tip="Your notes, misquotes, misattributions, conflicts, revisions and who reported "
                                   "first, every item cited")
    QUIT = ActionSpec("&Quit", "File", (Key.Quit,))
    UNDO = ActionSpec("&Undo", "Edit", (Key.Undo,))
    REDO = ActionSpec("&Redo", "Edit", (Key.Redo,))
    EDIT_METADATA = ActionSpec("Edit outlet, date and &title", "Edit", ("F2",),
                               tip="Correct this article's metadata (stored in app data, never in the file)")
    COPY_CITATION = ActionSpec("Copy with &citation", "Edit", ("Ctrl+Shift+C",), Scope.READER,
                               tip="Copy the selection in the reader or a comparison with its pinpoint citation (plain text and HTML)")
    EDIT_PARTIES = ActionSpec("&Parties and aliases…", "Edit", ("Ctrl+Alt+P",),
                              tip="Add a party, or aliases of one, whose quotes are coloured and filtered")
    ADD_NOTE = ActionSpec("Add a &note…", "Edit", ("Ctrl+Shift+N",),
                          tip="Note the selection or sentence in the reader, the chosen quote, fact or discrepancy, "
                              "or the copy pair compared")
    EDIT_NOTE = ActionSpec("&Edit the chosen note…", "Edit", ("Ctrl+Return",), Scope.NOTES)
    DELETE_NOTE = ActionSpec("&Delete the chosen note", "Edit", (Key.Delete,), Scope.NOTES,
                             tip="Delete the note chosen in the notes panel (Undo brings it back)")
    EDIT_SHORTCUTS = ActionSpec("&Keyboard shortcuts…", "Edit", tip="Change the key of any command")
    TOGGLE_BOILERPLATE = ActionSpec("Show &boilerplate", "View", ("Ctrl+Shift+B",), checkable=True,
                                    tip="Show or collapse navigation, bylines and other boilerplate (dimmed)")
    ZOOM_IN = ActionSpec("Zoom &in", "View", (Key.ZoomIn,))
    ZOOM_OUT = ActionSpec("Zoom &out", "View", (Key.ZoomOut,))
    ZOOM_RESET = ActionSpec("&Actual size", "View", ("Ctrl+0",))
    THEME_SYSTEM = ActionSpec("Theme: follow &system", "View", checkable=True)
    THEME_LIGHT = ActionSpec("Theme: &light", "View", checkable=True)
    THEME_DARK = ActionSpec("Theme: &dark", "View", checkable=True)
    SHOW_MESSAGES = ActionSpec("&Messages", "View", ("Ctrl+Shift+M",), tip="Notices and files that could not be read")
    SHOW_LOG = ActionSpec("&Log", "View", ("Ctrl+Shift+L",), tip="What Corroborate has been doing")
    SHOW_OVERVIEW = ActionSpec("Story &overview", "Go", ("Alt+0",),
                               tip="Outlets with their copies, facts with conflicts first, parties quoted")
    OPEN_OVERVIEW_LINE = ActionSpec("Open the chosen line's &evidence", "Go", ("Return", "Enter"), Scope.OVERVIEW,
                                    tip="An outlet: read it; a fact: compare it across outlets; a party: its quotes")
    FOCUS_ARTICLES = ActionSpec("&Article list", "Go", ("Alt+1",))
    FOCUS_READER = ActionSpec("&Reader", "Go", ("Alt+2",))
    READ_ARTICLE = ActionSpec("Read the chosen &article", "Go", ("Return", "Enter"), Scope.ARTICLES,
                              tip="Move from the article list into the reader")
    FOCUS_SEARCH = ActionSpec("&Search…", "Go", ("/", "Ctrl+K"), tip="Type a query; results update as you type")
    OPEN_HIT = ActionSpec("Read the chosen search &hit", "Go", ("Return", "Enter"), Scope.SEARCH,
                          tip="Open the chosen hit's article at its first match")
    NEXT_MATCH = ActionSpec("Next &match", "Go", (Key.FindNext,), tip="The next search match in the article")
    PREVIOUS_MATCH = ActionSpec("Previous matc&h", "Go", (Key.FindPrevious,))
    SHOW_QUOTES = ActionSpec("&Quotes", "Go", ("Alt+3",), tip="The quotes panel: every quote, filterable by party")
    SHOW_COMPARISON = ActionSpec("&Comparison", "Go", ("Alt+4",))
    SHOW_FACTS = ActionSpec("&Fact matrix", "Go", ("Alt+5",), tip="Facts as rows, outlets as columns")
    OPEN_FACT_CELL = ActionSpec("Open the chosen &fact or sentence", "Go", ("Return", "Enter"), Scope.FACTS,
                                tip="On a fact: compare it across outlets; on an outlet's cell: read that sentence")
    OPEN_QUOTE = ActionSpec("Read the chosen &quote", "Go", ("Return", "Enter"), Scope.QUOTES,
                            tip="Open the quote chosen in the quotes panel in its article")
    NEXT_PARTY = ActionSpec("Quotes of the next party", "View", ("]",), Scope.QUOTES,
                            tip="Filter the quotes panel to the next party (All, each party, No party)")
    PREVIOUS_PARTY = ActionSpec("Quotes of the previous party", "View", ("[",), Scope.QUOTES)
    SHOW_NOTES = ActionSpec("&Notes", "Go", ("Alt+6",), tip="Every note, its citation and whether the text under it changed")
    OPEN_NOTE = ActionSpec("Read the chosen &note's passage", "Go", ("Return", "Enter"), Scope.NOTES)
    SHOW_QUOTATIONS = ActionSpec("Q&uotations across outlets", "Go", ("Alt+7",),
                                 tip="One quotation as each outlet printed it; misquotes and misattributions flagged")
    SHOW_REVISIONS = ActionSpec("Re&vision history", "Go", ("Alt+8",),
                                tip="Versions of one article, each step word-diffed, corrections and stealth edits marked")
    SHOW_TIMELINE = ActionSpec("Fact &timeline", "Go", ("Alt+9",),
                               tip="The fact chosen in the matrix: which outlet stated it when, who first, who copied")
    NEXT_ARTICLE = ActionSpec("&Next article", "Go", ("Ctrl+PgDown",))
    PREVIOUS_ARTICLE = ActionSpec("&Previous article", "Go", ("Ctrl+PgUp",))
    NEXT_HEADING = ActionSpec("Next &heading", "Go", ("]",), Scope.READER)
    PREVIOUS_HEADING = ActionSpec("Previous h&eading", "Go", ("[",), Scope.READER)
    MARK_ARTICLE = ActionSpec("&Mark this article for comparison", "Compare", ("Ctrl+M",),
                              tip="Remember the article being read as the first side of a comparison")
    COMPARE_WITH_MARKED = ActionSpec("Compare the marked article &with this one", "Compare", ("Ctrl+D",),
                                     tip="Side by side: the marked article against the one being read")
    COMPARE_ALL = ActionSpec("Compare &all articles against this one", "Compare", ("Ctrl+Shift+D",),
                             tip="Every article of the corpus against the one being read as the base")
    COMPARE_FACT = ActionSpec("Compare this &fact across outlets", "Compare", ("Ctrl+Return",), Scope.FACTS,
                              tip="The chosen fact's sentences side by side, against the first outlet as base")
    MARK_VERSIONS = ActionSpec("Mark as &versions of one article", "Compare", ("Ctrl+Alt+M",),
                               tip="The marked article (Ctrl+M) and this one are versions of one article: shown as "
                                   "a revision history (kept in your data folder)")
    NEXT_BASE = ActionSpec("Next &base", "Compare", ("Ctrl+B",), Scope.COMPARE,
                           tip="Make the next article (or outlet) the base the others are compared against")
    COMMAND_PALETTE = ActionSpec("&Command palette…", "Help", ("Ctrl+Shift+P",), tip="Run any command by name")
    SHORTCUT_HELP = ActionSpec("&Keyboard shortcuts", "Help", (Key.HelpContents, "?"))
    SEARCH_SYNTAX = ActionSpec("&Search syntax", "Help", ("Shift+F1",),
                               tip="Phrases, OR/NOT, wildcards, outlet:, date:, speaker:, quote:")
    ABOUT = ActionSpec("&About Corroborate", "Help")

    @property
    def spec(self) -> ActionSpec:
        return self.value


def key_sequences(keys: tuple[str | QKeySequence.StandardKey, ...]) -> list[QKeySequence]:
    """Expand standard keys into this platform's chords, dropping empties and duplicates."""
    sequences: list[QKeySequence] = []
    for key in keys:
        expanded = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in expanded:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def plain_text(text: str) -> str:
    """Menu text without its mnemonic ampersands, for the palette and help."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


_SHORTCUT_CONTEXT = {scope: Qt.ShortcutContext.WidgetWithChildrenShortcut for scope in Scope}
_SHORTCUT_CONTEXT[Scope.WINDOW] = Qt.ShortcutContext.WindowShortcut


class ActionRegistry(QObject):
    """One `QAction` per `ActionId`, with the researcher's shortcuts applied and saved."""

    shortcuts_changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions: dict[ActionId, QAction] = {}
        for action_id in ActionId:
            spec = action_id.spec
            action = QAction(spec.text, self)
            action.setObjectName(action_id.name)
            action.setToolTip(spec.tip or plain_text(spec.text))
            action.setStatusTip(spec.tip)
            action.setCheckable(spec.checkable)
            action.setShortcutContext(_SHORTCUT_CONTEXT[spec.scope])
            action.setShortcuts(self._saved_shortcuts(action_id))
            self._actions[action_id] = action

    def action(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def on(self, action_id: ActionId, slot: Callable[..., object]) -> QAction:
        """Connect the command to what it does; returns the action for enabling/checking."""
        action = self._actions[action_id]
        action.triggered.connect(slot)
        return action

    def attach(self, scope: Scope, widget: QWidget) -> None:
        """Make the scope's shortcuts live on `widget` (the window, or the pane they belong to)."""
        widget.addActions([self._actions[a] for a in ActionId if a.spec.scope is scope])

    def in_menu(self, menu: str) -> list[ActionId]:
        return [action_id for action_id in ActionId if action_id.spec.menu == menu]

    def default_shortcuts(self, action_id: ActionId) -> list[QKeySequence]:
        return key_sequences(action_id.spec.keys)

    def shortcuts(self, action_id: ActionId) -> list[QKeySequence]:
        return list(self._actions[action_id].shortcuts())

    def shortcut_text(self, action_id: ActionId) -> str:
        return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.shortcuts(action_id))

    def set_shortcuts(self, action_id: ActionId, sequences: list[QKeySequence]) -> None:
        """Apply and save; keys equal to the defaults are stored as no override at all."""
        sequences = [s for s in sequences if not s.isEmpty()]
        self._actions[action_id].setShortcuts(sequences)
        key = f"shortcuts/{action_id.name}"
        if sequences == self.default_shortcuts(action_id):
            self._settings.remove(key)
        else:
            portable = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences]
            self._settings.set_value(key, json.dumps(portable))
        self.shortcuts_changed.emit()

    def _saved_shortcuts(self, action_id: ActionId) -> list[QKeySequence]:
        saved = self._settings.value(f"shortcuts/{action_id.name}")
        if saved is None:
            return self.default_shortcuts(action_id)
        try:
            return [QKeySequence(text) for text in json.loads(saved)]
        except (ValueError, TypeError):
            log.warning("ignoring unreadable shortcut setting for %s: %r", action_id.name, saved)
            return self.default_shortcuts(action_id)

    def clashes(self) -> list[tuple[str, ActionId, ActionId]]:
        """Pairs of actions one key would trigger at once.

        Within a pane, pane keys and window keys are both live, so a window key may not repeat
        any key, while two different panes may reuse one key.
        """
        found = []
        ids = list(ActionId)
        for index, first in enumerate(ids):
            for second in ids[index + 1 :]:
                same_scope = first.spec.scope is second.spec.scope
                overlapping = same_scope or Scope.WINDOW in (first.spec.scope, second.spec.scope)
                if not overlapping:
                    continue
                shared = set(self._portable(first)) & set(self._portable(second))
                found.extend((key, first, second) for key in sorted(shared))
        return found

    def _portable(self, action_id: ActionId) -> list[str]:
        return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in self.shortcuts(action_id)]
