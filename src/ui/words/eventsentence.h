#pragma once

#include "store/storedevent.h"

// What a resolver event says, in the user's words, where its facts are kept beside its words:
// a fallback entered (tier, cause, addresses) and a resolution that failed (cause). Any other
// event, and one whose facts are not known (an agent's feed sends only the words), keeps the
// words it came with, as does the event log's tooltip, which also names the server.
QString eventSentence(const StoredEvent &event);
