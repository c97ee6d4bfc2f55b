#include "readinessbanner.h"

#include "probe/healthstatistics.h"

#include <QStatusBar>

ReadinessBanner::ReadinessBanner(HealthStatistics *statistics, QStatusBar *statusBar,
                                 QWidget *parent)
    : QLabel(parent), m_statistics(statistics), m_readyLabel(new QLabel(statusBar))
{
    setAlignment(Qt::AlignCenter);
    setMargin(10);
    setAutoFillBackground(true);
    setAccessibleName(tr("Overall readiness"));
    QFont bannerFont = font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.6);
    bannerFont.setBold(true);
    setFont(bannerFont);
    statusBar->addPermanentWidget(m_readyLabel);
    connect(statistics, &HealthStatistics::stateChanged, this, &ReadinessBanner::updateReadiness);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &ReadinessBanner::updateReadiness);
    m_tick.start();
    updateReadiness();
}

void ReadinessBanner::updateReadiness()
{
    QStringList notReady;
    const bool ready = m_statistics->ready(&notReady);
    const int degraded = m_statistics->countInState(TargetState::Degraded);
    const bool wasReady = m_level != Level::NotReady;
    QColor colour;
    if (!ready) {
        m_level = Level::NotReady;
        setText(tr("NOT READY: %1").arg(notReady.join(QStringLiteral("; "))));
        colour = QColor(0xc0, 0x1c, 0x28);
    } else if (degraded > 0) {
        m_level = Level::KeptByFallback;
        setText(tr("Ready: %n target(s) kept reachable by fallback", nullptr, degraded));
        colour = QColor(0xb8, 0x6e, 0x00);
    } else {
        m_level = Level::Ready;
        setText(tr("Ready: every critical target reachable"));
        colour = QColor(0x26, 0x80, 0x3a);
    }
    setToolTip(text());
    QPalette banner = palette();
    banner.setColor(QPalette::Window, colour);
    banner.setColor(QPalette::WindowText, Qt::white);
    setPalette(banner);
    m_readyLabel->setText(ready ? tr("ready") : tr("not ready"));
    Q_EMIT readinessUpdated(m_level, text());
    if (ready != wasReady)
        Q_EMIT readinessChanged(ready);
}
