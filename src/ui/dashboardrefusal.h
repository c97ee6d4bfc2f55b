#pragma once

#include <QString>

class QMessageBox;

// The window that says why the dashboard did not open: its config file does not load (every
// problem as "FILE: $.json.path: what"), or could not be made. Made but not shown.
QMessageBox *makeDashboardRefusal(const QString &problems);

// Shows it and returns when it is closed (before the dashboard's event loop runs).
void showDashboardRefusal(const QString &problems);
