#pragma once

#include "store/storedevent.h"

// What an event says, in the user's words, composed from the facts kept beside its words: every
// resolver transition (fallback, recovery, failure, changed addresses), every operator's doing
// (actionSentence()) and a change of state's verdict. An event whose facts are not known (an
// older agent's feed sends only the words) and one of a kind this dashboard does not know keep
// the words they came with, as does the event log's tooltip, which also names the server and
// how long. The Extended DNS Errors the server gave (RFC 8914) follow in the user's words.
QString eventSentence(const StoredEvent &event);
