// File > Connect to agent... (src/ui/connectagentdialog.cpp) on the offscreen platform: each rule
// keeps OK disabled and says its problem (name empty or in use; URL not http(s), without host,
// with a password, query or fragment; CA file missing, not a file, too large, without a PEM
// certificate), a CA made by openssl with an https URL enables OK, http:// to loopback is quiet
// while http:// to another machine warns that the token would cross the network in the clear,
// and endpoint() gives the fields trimmed. Screenshots in English and German for people to look
// at.
#include "connectagentdialog.h"
#include "screenshot.h"
#include "testcertificates.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {
const QStringList NamesInUse{QStringLiteral("fra1"), QStringLiteral("ams2")};

QLineEdit *field(const ConnectAgentDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QLatin1String(name));
}
} // namespace

class TestConnectAgentDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void emptyDialogAsksForNameAndUrl();
    void refusesEachBadInput_data();
    void refusesEachBadInput();
    void httpsWithCaEnablesOk();
    void tokenInClearWarns_data();
    void tokenInClearWarns();
    void endpointIsTrimmed();
    void showTogglesTheTokenEcho();
    void everyFieldIsNamedAndReachable();
    void screenshots_data();
    void screenshots();

private:
    void fill(ConnectAgentDialog &dialog, const QString &name, const QString &url,
              const QString &caFile);

    QTemporaryDir m_dir;
    QString m_ca;
    QString m_key;
    QString m_notPem;
    QString m_tooLarge;
};

void TestConnectAgentDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const auto made = makeTestCertificate(m_dir.path(), QStringLiteral("ca"), TestKeyType::Ec, 2,
                                          &error);
    QVERIFY2(made, qPrintable(error));
    m_ca = made->certificate;
    m_key = made->key; // PEM, but a key: no certificate in it
    m_notPem = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile notes(m_notPem);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("just some text, no certificate\n");
    notes.close();
    m_tooLarge = m_dir.filePath(QStringLiteral("huge.pem"));
    QFile huge(m_tooLarge);
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(ConnectAgentDialog::MaxCaFileBytes + 1));
    huge.close();
}

void TestConnectAgentDialog::cleanup()
{
    const auto translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestConnectAgentDialog::fill(ConnectAgentDialog &dialog, const QString &name,
                                  const QString &url, const QString &caFile)
{
    field(dialog, "name")->setText(name);
    field(dialog, "url")->setText(url);
    field(dialog, "caFile")->setText(caFile);
}

void TestConnectAgentDialog::emptyDialogAsksForNameAndUrl()
{
    ConnectAgentDialog dialog(NamesInUse);
    QVERIFY(!dialog.isInputValid());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(dialog.problem().contains(QStringLiteral("Give the agent a name")),
             qPrintable(dialog.problem()));
    QVERIFY2(dialog.problem().contains(QStringLiteral("Enter the agent's URL")),
             qPrintable(dialog.problem()));
    QVERIFY(dialog.warning().isEmpty());
}

void TestConnectAgentDialog::refusesEachBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caFile"); // "@key" and the like: the files made in initTestCase
    QTest::addColumn<QString>("problem");
    const QString url = QStringLiteral("https://agent.lab.test:9108");
    QTest::newRow("name blank") << QStringLiteral("   ") << url << QString()
                                << QStringLiteral("Give the agent a name, e.g. fra1.");
    QTest::newRow("name in use")
            << QStringLiteral(" fra1 ") << url << QString()
            << QStringLiteral("An agent named \"fra1\" is already watched: choose another name.");
    QTest::newRow("ftp") << QStringLiteral("lab") << QStringLiteral("ftp://agent.lab.test")
                         << QString()
                         << QStringLiteral("The URL must start with https:// (or http://).");
    QTest::newRow("no scheme") << QStringLiteral("lab") << QStringLiteral("agent.lab.test:9108")
                               << QString()
                               << QStringLiteral("The URL must start with https:// (or http://).");
    QTest::newRow("not a URL")
            << QStringLiteral("lab") << QStringLiteral("https://agent.lab.test:port") << QString()
            << QStringLiteral("The URL is not valid: check the host and the port number.");
    QTest::newRow("no host") << QStringLiteral("lab") << QStringLiteral("https:///api") << QString()
                             << QStringLiteral("The URL names no host.");
    QTest::newRow("password in URL")
            << QStringLiteral("lab") << QStringLiteral("https://ops:secret@agent.lab.test")
            << QString()
            << QStringLiteral(
                       "The URL must not hold a user name or password: the token has its own "
                       "field.");
    QTest::newRow("query") << QStringLiteral("lab")
                           << QStringLiteral("https://agent.lab.test/?token=x") << QString()
                           << QStringLiteral("The URL must not have a query (?) or fragment (#).");
    QTest::newRow("CA missing") << QStringLiteral("lab") << url << QStringLiteral("@missing")
                                << QStringLiteral("CA file @missing does not exist.");
    QTest::newRow("CA is a folder") << QStringLiteral("lab") << url << QStringLiteral("@dir")
                                    << QStringLiteral("CA file @dir is not a regular file.");
    // Never opened: a device would be read for ever.
    QTest::newRow("CA is a device") << QStringLiteral("lab") << url << QStringLiteral("/dev/zero")
                                    << QStringLiteral("CA file /dev/zero is not a regular file.");
    QTest::newRow("CA too large")
            << QStringLiteral("lab") << url << QStringLiteral("@huge")
            << QStringLiteral("CA file @huge is too large for a certificate file (over 1 MiB).");
    QTest::newRow("CA is text") << QStringLiteral("lab") << url << QStringLiteral("@notes")
                                << QStringLiteral("CA file @notes holds no PEM certificate.");
    QTest::newRow("CA is a key") << QStringLiteral("lab") << url << QStringLiteral("@key")
                                 << QStringLiteral("CA file @key holds no PEM certificate.");
}

void TestConnectAgentDialog::refusesEachBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(QString, caFile);
    QFETCH(QString, problem);
    const QHash<QString, QString> files{
            {QStringLiteral("@missing"), m_dir.filePath(QStringLiteral("absent.pem"))},
            {QStringLiteral("@dir"), m_dir.path()},
            {QStringLiteral("@huge"), m_tooLarge},
            {QStringLiteral("@notes"), m_notPem},
            {QStringLiteral("@key"), m_key}};
    const QString path = files.value(caFile, caFile);
    if (!caFile.isEmpty())
        problem.replace(caFile, path);

    ConnectAgentDialog dialog(NamesInUse);
    fill(dialog, name, url, path);
    QVERIFY(!dialog.isInputValid());
    QCOMPARE(dialog.problem(), problem);
    QCOMPARE(dialog.findChild<QWidget *>(QStringLiteral("problem"))->isVisibleTo(&dialog), true);
}

void TestConnectAgentDialog::httpsWithCaEnablesOk()
{
    ConnectAgentDialog dialog(NamesInUse);
    fill(dialog, QStringLiteral("lab"), QStringLiteral("https://agent.lab.test:9108"), m_ca);
    QVERIFY2(dialog.isInputValid(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.problem(), QString());
    QCOMPARE(dialog.warning(), QString());
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("problem"))->isVisibleTo(&dialog));
    // A problem fixed re-enables OK; a new one disables it again, as the user types.
    field(dialog, "name")->setText(QStringLiteral("fra1"));
    QVERIFY(!dialog.isInputValid());
    field(dialog, "name")->setText(QStringLiteral("fra2"));
    QVERIFY(dialog.isInputValid());
}

void TestConnectAgentDialog::tokenInClearWarns_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("warns");
    QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:9108") << false;
    QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:9108") << false;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:9108") << false;
    QTest::newRow("https elsewhere") << QStringLiteral("https://192.0.2.1:9108") << false;
    QTest::newRow("http elsewhere") << QStringLiteral("http://192.0.2.1:9108") << true;
    QTest::newRow("http by name") << QStringLiteral("http://agent.lab.test:9108") << true;
}

void TestConnectAgentDialog::tokenInClearWarns()
{
    QFETCH(QString, url);
    QFETCH(bool, warns);
    ConnectAgentDialog dialog(NamesInUse);
    fill(dialog, QStringLiteral("lab"), url, QString());
    // A warning, not an error: the user may still connect.
    QVERIFY2(dialog.isInputValid(), qPrintable(dialog.problem()));
    if (warns)
        QVERIFY2(dialog.warning().contains(
                         QStringLiteral("the token would cross the network in the clear")),
                 qPrintable(dialog.warning()));
    else
        QCOMPARE(dialog.warning(), QString());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("warning"))->isVisibleTo(&dialog), warns);
}

void TestConnectAgentDialog::endpointIsTrimmed()
{
    ConnectAgentDialog dialog(NamesInUse);
    fill(dialog, QStringLiteral("  lab \t"), QStringLiteral(" https://agent.lab.test:9108/base "),
         QStringLiteral(" ") + m_ca + QStringLiteral("  "));
    field(dialog, "token")->setText(QStringLiteral(" s3cret-token\n"));
    QVERIFY2(dialog.isInputValid(), qPrintable(dialog.problem()));
    const AgentEndpoint endpoint = dialog.endpoint();
    QCOMPARE(endpoint.name, QStringLiteral("lab"));
    QCOMPARE(endpoint.url, QUrl(QStringLiteral("https://agent.lab.test:9108/base")));
    QCOMPARE(endpoint.token, QStringLiteral("s3cret-token"));
    QCOMPARE(endpoint.caFile, m_ca);
    QVERIFY(dialog.remember());
    dialog.findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(false);
    QVERIFY(!dialog.remember());

    // setEndpoint() fills the same fields back.
    ConnectAgentDialog again(NamesInUse);
    again.setEndpoint(endpoint);
    QCOMPARE(again.endpoint(), endpoint);
}

void TestConnectAgentDialog::showTogglesTheTokenEcho()
{
    ConnectAgentDialog dialog(NamesInUse);
    QLineEdit *token = field(dialog, "token");
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    dialog.findChild<QCheckBox *>(QStringLiteral("showToken"))->setChecked(true);
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    dialog.findChild<QCheckBox *>(QStringLiteral("showToken"))->setChecked(false);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
}

void TestConnectAgentDialog::everyFieldIsNamedAndReachable()
{
    ConnectAgentDialog dialog(NamesInUse);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Every input has an accessible name (a button's text serves as one).
    const auto inputs = dialog.findChildren<QWidget *>();
    for (const QWidget *input : inputs) {
        const auto *button = qobject_cast<const QAbstractButton *>(input);
        if (qobject_cast<const QLineEdit *>(input) || button)
            QVERIFY2(!input->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                     qPrintable(input->objectName() + QLatin1Char(' ')
                                + QLatin1String(input->metaObject()->className())));
    }
    // Each field's label has an accelerator and is its buddy (Alt+N, Alt+U, Alt+T, Alt+C).
    QStringList buddies;
    const auto labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        if (label->buddy())
            buddies << label->buddy()->objectName();
    buddies.sort();
    QCOMPARE(buddies,
             (QStringList{QStringLiteral("caFile"), QStringLiteral("name"), QStringLiteral("token"),
                          QStringLiteral("url")}));
    // Tab goes through the fields in the order they are shown.
    dialog.activateWindow();
    field(dialog, "name")->setFocus();
    QStringList order{QApplication::focusWidget()->objectName()};
    for (int step = 0; step < 5; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(order,
             (QStringList{QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("token"),
                          QStringLiteral("showToken"), QStringLiteral("caFile"),
                          QStringLiteral("browse")}));
}

void TestConnectAgentDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestConnectAgentDialog::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(installTranslations(*qApp, language));
    const QString suffix = language == QLatin1String("en") ? QString() : QString(u'-' + language);

    ConnectAgentDialog refused(NamesInUse);
    fill(refused, QStringLiteral("fra1"), QStringLiteral("ftp://agent.lab.test"), m_notPem);
    refused.show();
    QVERIFY(QTest::qWaitForWindowExposed(&refused));
    QVERIFY(saveScreenshot(&refused, QStringLiteral("connect-agent-refused") + suffix));

    ConnectAgentDialog warned(NamesInUse);
    fill(warned, QStringLiteral("lab"), QStringLiteral("http://192.0.2.1:9108"), QString());
    field(warned, "token")->setText(QStringLiteral("s3cret-token"));
    warned.show();
    QVERIFY(QTest::qWaitForWindowExposed(&warned));
    QVERIFY(saveScreenshot(&warned, QStringLiteral("connect-agent-in-clear") + suffix));

    ConnectAgentDialog ready(NamesInUse);
    fill(ready, QStringLiteral("lab"), QStringLiteral("https://agent.lab.test:9108"), m_ca);
    ready.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ready));
    QVERIFY(saveScreenshot(&ready, QStringLiteral("connect-agent-ready") + suffix));
    if (language == QLatin1String("de"))
        QCOMPARE(ready.windowTitle(), QStringLiteral("Mit Agent verbinden"));
}

QTEST_MAIN(TestConnectAgentDialog)
#include "tst_connectagentdialog.moc"
