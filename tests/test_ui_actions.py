"""The action registry feeds menus, palette and help; shortcuts never clash and user keys persist."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ui.action_model import ActionTableModel, fuzzy_score
from ui.actions import ActionId, ActionRegistry, Scope, plain_text
from ui.settings import Settings


def test_no_two_shortcuts_clash_within_one_context(ui_context):
    assert ui_context.actions.clashes() == []


def test_clash_detection_sees_window_keys_inside_panes(ui_context):
    registry = ui_context.actions
    registry.set_shortcuts(ActionId.ABOUT, [QKeySequence("]")])  # "]" is the reader's next heading
    clashes = registry.clashes()
    assert ("]", ActionId.NEXT_HEADING, ActionId.ABOUT) in clashes


def test_two_panes_may_share_a_key(ui_context):
    registry = ui_context.actions
    registry.set_shortcuts(ActionId.READ_ARTICLE, [QKeySequence("]")])
    assert ActionId.READ_ARTICLE.spec.scope is Scope.ARTICLES and ActionId.NEXT_HEADING.spec.scope is Scope.READER
    assert registry.clashes() == []


def test_standard_keys_expand_to_platform_chords(ui_context):
    assert QKeySequence(QKeySequence.StandardKey.Open) in ui_context.actions.shortcuts(ActionId.OPEN_CORPUS)
    help_keys = [s.toString() for s in ui_context.actions.shortcuts(ActionId.SHORTCUT_HELP)]
    assert "F1" in help_keys and "?" in help_keys


def test_user_shortcuts_are_saved_and_defaults_are_not(ui_context):
    registry = ui_context.actions
    registry.set_shortcuts(ActionId.OPEN_SAMPLE, [QKeySequence("Ctrl+Alt+S")])
    registry.set_shortcuts(ActionId.QUIT, registry.default_shortcuts(ActionId.QUIT))
    reloaded = ActionRegistry(Settings())
    assert [s.toString() for s in reloaded.shortcuts(ActionId.OPEN_SAMPLE)] == ["Ctrl+Alt+S"]
    assert ui_context.settings.value("shortcuts/QUIT") is None
    assert reloaded.action(ActionId.OPEN_SAMPLE).shortcut().toString() == "Ctrl+Alt+S"


def test_pane_actions_only_work_inside_their_pane(ui_context):
    for action_id in ActionId:
        context = ui_context.actions.action(action_id).shortcutContext()
        expected = (Qt.ShortcutContext.WindowShortcut if action_id.spec.scope is Scope.WINDOW
                    else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        assert context == expected, action_id


def test_menus_hold_exactly_the_registry(main_window):
    registry = main_window.context.actions
    for name, menu in main_window.menus.items():
        shown = [a for a in menu.actions() if a.menu() is None and not a.isSeparator()]
        assert shown == [registry.action(a) for a in registry.in_menu(name)]
    assert sum(len(registry.in_menu(name)) for name in main_window.menus) == len(ActionId)


def test_fuzzy_score_prefers_word_starts_and_rejects_non_matches():
    assert fuzzy_score("xyz", "File › Open folder") is None
    assert fuzzy_score("of", "File › Open folder") > fuzzy_score("of", "Help › Keyboard shortcuts of")
    assert fuzzy_score("", "anything") == 0


def test_action_table_model(qtmodeltester, ui_context):
    model = ActionTableModel(ui_context.actions)
    qtmodeltester.check(model)
    model.set_query("zoom")
    qtmodeltester.check(model)
    assert {model.action_at(row) for row in range(model.rowCount())} >= {ActionId.ZOOM_IN, ActionId.ZOOM_OUT}
    ui_context.actions.set_shortcuts(ActionId.ZOOM_IN, [QKeySequence("Ctrl+Alt+Z")])
    qtmodeltester.check(model)


def test_command_palette_runs_a_command_by_keys(qtbot, main_window):
    triggered = []
    main_window.context.actions.action(ActionId.OPEN_SAMPLE).triggered.connect(lambda: triggered.append(1))
    qtbot.keyClick(main_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    palette = main_window.palette_dialog
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.query, "sample corpus")
    assert palette.model.action_at(palette.list.currentIndex().row()) is ActionId.OPEN_SAMPLE
    with qtbot.waitSignal(main_window.context.corpus.loaded, timeout=20_000):
        qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert triggered == [1]
    assert not palette.isVisible()


def test_palette_arrow_keys_move_through_matches(qtbot, main_window):
    palette = main_window.palette_dialog
    main_window.context.actions.action(ActionId.COMMAND_PALETTE).trigger()
    qtbot.keyClicks(palette.query, "zoom")
    first = palette.list.currentIndex().row()
    qtbot.keyClick(palette.query, Qt.Key.Key_Down)
    assert palette.list.currentIndex().row() == first + 1
    qtbot.keyClick(palette.query, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_shortcut_help_opens_with_question_mark_and_lists_every_action(qtbot, main_window):
    main_window.reader.setFocus()
    qtbot.keyClick(main_window.reader, "?")
    help_dialog = main_window.shortcut_help
    qtbot.waitUntil(help_dialog.isVisible)
    assert help_dialog.model.rowCount() == len(ActionId)
    row = help_dialog.model.rows.index(ActionId.COMMAND_PALETTE)
    assert help_dialog.model.index(row, 1).data() == main_window.context.actions.shortcut_text(ActionId.COMMAND_PALETTE)
    header, metrics = help_dialog.table.header(), help_dialog.table.fontMetrics()
    longest_keys = max(metrics.horizontalAdvance(help_dialog.model.index(r, 1).data() or "")
                       for r in range(help_dialog.model.rowCount()))
    assert header.sectionSize(1) >= longest_keys  # every command's keys in full, none cut off
    assert help_dialog.table.viewport().width() >= header.length()


def test_shortcut_editor_assigns_keys_and_refuses_a_clash(main_window):
    editor = main_window.shortcut_editor
    registry = main_window.context.actions
    editor.assign_keys(ActionId.ABOUT, QKeySequence("Ctrl+Alt+A"))
    assert registry.shortcut_text(ActionId.ABOUT) == QKeySequence("Ctrl+Alt+A").toString(QKeySequence.SequenceFormat.NativeText)
    editor.assign_keys(ActionId.ABOUT, QKeySequence("F5"))
    assert "already runs" in editor.status.text() and "Reload corpus" in editor.status.text()
    assert registry.shortcut_text(ActionId.ABOUT) != "F5"
    assert registry.clashes() == []


def test_plain_text_drops_mnemonics():
    assert plain_text("&Open folder…") == "Open folder…"
    assert plain_text("Salt && pepper") == "Salt & pepper"


def test_typing_shortcut_characters_in_a_field_types_them(qtbot, main_window):
    main_window.context.actions.action(ActionId.EDIT_METADATA).trigger()
    title = main_window.metadata_form.edits["title"]
    title.setFocus()
    qtbot.keyClicks(title, "Why? [draft]")
    assert title.text() == "Why? [draft]"
    assert not main_window.shortcut_help.isVisible()
