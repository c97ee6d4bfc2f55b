// A probe of a target that compares three resolver paths beside a probe of one path, against the
// same unbound in one run: the CPU time of this process and the wall time per probe, probes one
// after another (each waits for the last). Every path asks unbound each time (TTL 0 answers,
// min_ttl_s 0), so nothing is saved by a cache. Target: three paths cost at most 3.5x one.
#include "benchsupport.h"
#include "dnsserverfixture.h"
#include "probe/monitor.h"

#include <QElapsedTimer>

namespace {

constexpr int Targets = 200;
constexpr int Rounds = 10; // probes of each target in one pass
constexpr int Passes = 3; // of each kind, alternating; the best pass counts
const QString Zone = QStringLiteral("paths.bench.test");

struct Cost
{
    double cpuUs = 0; // per probe
    double wallUs = 0; // per probe
    int failed = 0;
};

// Targets on resolver "lab"; with compare, each also through "second" and "third", two more
// resolvers of the same unbound.
AppConfig pathsConfig(const QString &server, bool compare)
{
    AppConfig config = benchTargets(server, Targets, Zone);
    for (const QString &name : {QStringLiteral("second"), QStringLiteral("third")}) {
        ResolverConfig resolver = config.resolvers.constFirst();
        resolver.name = name;
        config.resolvers.append(resolver);
    }
    config.cache.minTtlS = 0;
    for (TargetConfig &target : config.targets) {
        // Not due by itself during the run: the first probe falls somewhere in 100,000 s.
        target.intervalS = 1'000'000;
        if (compare)
            target.compare = {QStringLiteral("second"), QStringLiteral("third")};
    }
    return config;
}

// Rounds x Targets probes, one at a time, through monitor.
Cost measure(Monitor &monitor, int paths)
{
    int recorded = 0;
    int failed = 0;
    const QMetaObject::Connection counting = QObject::connect(
            &monitor, &Monitor::resultRecorded, &monitor, [&](const ProbeResult &result) {
                ++recorded;
                const bool allAnswered = result.paths.paths.size() == (paths > 1 ? paths : 0)
                        && result.paths.agree;
                if (!result.resolution.hasAddresses() || !allAnswered)
                    ++failed;
            });
    const qint64 cpuBefore = cpuTimeMs();
    QElapsedTimer wall;
    wall.start();
    for (int round = 0; round < Rounds; ++round) {
        for (int i = 0; i < Targets; ++i) {
            const int expected = recorded + 1;
            monitor.engine()->scheduler()->probeNow(QStringLiteral("t%1").arg(i));
            if (!runUntil([&] { return recorded >= expected; }, 10000))
                qFatal("benchmark: a probe did not finish in time");
        }
    }
    const double probes = double(Rounds) * Targets;
    Cost cost{double(cpuTimeMs() - cpuBefore) * 1000.0 / probes,
              double(wall.nsecsElapsed()) / 1000.0 / probes, failed};
    QObject::disconnect(counting);
    return cost;
}

Cost best(const Cost &a, const Cost &b)
{
    return {qMin(a.cpuUs, b.cpuUs), qMin(a.wallUs, b.wallUs), a.failed + b.failed};
}

Row rowOf(const QString &name, double three, double one, int failed)
{
    const double ratio = one > 0 ? three / one : 0;
    return {name,
            QStringLiteral("%1 us%2")
                    .arg(three, 0, 'f', 0)
                    .arg(failed ? QStringLiteral(" (%1 probes failed)").arg(failed) : QString()),
            QStringLiteral("%1 us").arg(one, 0, 'f', 0),
            ratio,
            QStringLiteral("<= 3.5x"),
            ratio > 0 && ratio <= 3.5 && failed == 0};
}

} // namespace

QList<Row> benchComparedPaths()
{
    DnsServerFixture unbound;
    QString error;
    // Every name of the zone answers 127.0.0.1 with TTL 0; "." goes to a loopback port only.
    if (!unbound.startUnbound({QStringLiteral("local-zone: \"%1.\" redirect").arg(Zone),
                               QStringLiteral("local-data: \"%1. 0 IN A 127.0.0.1\"").arg(Zone)},
                              DnsServerFixture::freePort(), &error))
        qFatal("%s", qPrintable(error));
    SystemClock clock;
    Monitor one(pathsConfig(unbound.server(), false), EnvFallback(), MlflowCredentials(), &clock);
    Monitor three(pathsConfig(unbound.server(), true), EnvFallback(), MlflowCredentials(), &clock);
    measure(one, 1); // warm-up: sockets, caches of names, the allocator
    measure(three, 3);
    Cost oneCost{1e18, 1e18, 0};
    Cost threeCost{1e18, 1e18, 0};
    for (int pass = 0; pass < Passes; ++pass) {
        oneCost = best(oneCost, measure(one, 1));
        threeCost = best(threeCost, measure(three, 3));
    }
    const int failed = oneCost.failed + threeCost.failed;
    return {rowOf(QStringLiteral("probe comparing 3 paths vs 1 path, CPU per probe (unbound)"),
                  threeCost.cpuUs, oneCost.cpuUs, failed),
            rowOf(QStringLiteral("probe comparing 3 paths vs 1 path, wall time per probe"),
                  threeCost.wallUs, oneCost.wallUs, failed)};
}
