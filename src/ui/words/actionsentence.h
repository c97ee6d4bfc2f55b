#pragma once

#include "store/storedevent.h"

#include <optional>

// What an operator's doing says in the user's words, from its facts: a pin set or removed, a
// forced re-resolve, a cleared cache, probing paused or resumed, a probe asked for. None for an
// event of any other kind, and for a pin or re-resolve that names no host.
std::optional<QString> actionSentence(const StoredEvent &event);
