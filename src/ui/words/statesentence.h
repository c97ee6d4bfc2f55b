#pragma once

#include "targetsnapshot.h"

#include "probe/targethealth.h"

// Why a target is in its state, in the user's language ("keine Adresse: Zeitüberschreitung"),
// composed from the snapshot's facts: its state, source tier, failure cause and service check.
// The place's own words (stateDetail: English from this machine's core or from an agent) are
// shown only where those facts hold a word this dashboard does not know. Empty when healthy.
QString stateSentence(const TargetSnapshot &target);
// The same for a target this machine probes, from its health.
QString stateSentence(const TargetHealth &health);
// A change of state's detail as the core words it (judgeProbe(); kept so by the history and
// sent so by agents) in the user's words: "no address: timeout" -> "keine Adresse:
// Zeitüberschreitung". Other details (a service check's own words) come back as they are.
QString verdictSentence(TargetState state, const QString &detail);
