@_exported import TerminalKit
