#include "dashboardrefusal.h"

#include "appicon.h"

#include <QApplication>
#include <QMessageBox>

QMessageBox *makeDashboardRefusal(const QString &problems)
{
    auto *box = new QMessageBox(QMessageBox::Critical,
                                QApplication::translate("DashboardRefusal", "DNS Watch"),
                                QApplication::translate("DashboardRefusal",
                                                        "The dashboard did not start: its config "
                                                        "file has problems. Mend the file and "
                                                        "start DNS Watch again."),
                                QMessageBox::Close);
    box->setObjectName(QStringLiteral("dashboardRefusal"));
    box->setWindowIcon(applicationIcon());
    box->setInformativeText(problems);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return box;
}

void showDashboardRefusal(const QString &problems)
{
    QMessageBox *box = makeDashboardRefusal(problems);
    box->exec();
    delete box;
}
