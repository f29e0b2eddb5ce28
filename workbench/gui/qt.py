"""The one place the Qt binding is imported; every GUI module takes QtCore/QtGui/QtWidgets from here."""

from PySide6 import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
Signal = QtCore.Signal
Slot = QtCore.Slot

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot"]
