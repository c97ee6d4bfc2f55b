#pragma once

#include "probe/soacomparison.h"
#include "targetsnapshot.h"

#include <QCoreApplication>
#include <QString>

// A soa check's result in the user's words, from its servers and serials (the check's own detail
// is English): "127.0.0.1:5302 serial 2026120601 is 3 behind 2026120604 (for 6 min)", a server's
// failure with the reason it gave, joined by "; ". Empty when every server agrees.
class SoaCheckWords
{
    Q_DECLARE_TR_FUNCTIONS(SoaCheckWords)
public:
    static QString describe(const SoaComparison &soa);
    // The detail of a target's check as shown: these words for a soa check, else its own.
    static QString checkDetail(const TargetSnapshot &target);
};
