"""What the main window fills in after its first paint: its views, panels, analysis, search,
dialogs and exports.

Importing these pulls in Whoosh, the analysis, the record and the export libraries, which was
most of the time before the window could appear. `ui.main_window` imports only its shell and
loads this module when it fills in (tests/test_startup.py keeps the first paint free of it).
"""
from __future__ import annotations

from reader.export import ExportError
from reader.export.citation import cite, pinpoint, source_of
from reader.export.compare import compare_report
from reader.export.facts import facts_report
from reader.export.quotes import quotes_report
from ui.analysis import AnalysisModel
from ui.article_list import ArticleList
from ui.command_palette import CommandPalette
from ui.compare_view import CompareView, substitution_format
from ui.comparisons import Comparisons
from ui.exports import choose_export_file, save_report
from ui.fact_matrix import FactMatrixPanel, FactMatrixView
from ui.log_view import LogView
from ui.metadata_form import MetadataForm
from ui.overview import StoryOverviewView
from ui.parties_dialog import PartiesDialog
from ui.quote_style import quote_highlights
from ui.quotes_panel import QuotesPanel
from ui.reader_view import Highlight, ReaderView
from ui.research_record import ResearchRecord
from ui.search import Search
from ui.search_panel import QuerySyntaxHelp, SearchPanel
from ui.shortcut_editor import ShortcutEditor
from ui.shortcut_help import ShortcutHelp

__all__ = [
    "AnalysisModel", "ArticleList", "CommandPalette", "CompareView", "Comparisons", "ExportError", "FactMatrixPanel",
    "FactMatrixView", "Highlight", "LogView", "MetadataForm", "PartiesDialog", "QuerySyntaxHelp", "QuotesPanel",
    "ReaderView", "ResearchRecord", "Search", "SearchPanel", "ShortcutEditor", "ShortcutHelp", "StoryOverviewView",
    "choose_export_file", "cite", "compare_report", "facts_report", "pinpoint", "quote_highlights", "quotes_report",
    "save_report", "source_of", "substitution_format",
]
