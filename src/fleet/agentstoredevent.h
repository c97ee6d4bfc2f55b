#pragma once

#include "agentevents.h"

#include "store/storedevent.h"

// An agent's event as the dashboard's event log keeps it: at the agent named place, with the
// facts the agent sent beside its words, so that the log says it in the user's language as it
// does this machine's. A change of state's detail is its why, as this machine's history keeps it.
// An older agent's event (only words sent) is marked so: its words are shown as they came.
StoredEvent storedEventOf(const RemoteEvent &remote, const QString &place);
