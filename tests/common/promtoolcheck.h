#pragma once

#include <QByteArray>

// What `promtool check metrics` (its parser and linter) says about an exposition: nothing when it
// is clean, else its words and exit code (or that promtool is missing: Debian package
// prometheus).
QByteArray promtoolCheck(const QByteArray &metrics);
