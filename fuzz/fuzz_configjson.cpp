// libFuzzer target for the config file's parser: parseConfig() (Qt's JSON parser, the duplicate
// key scanner and every check of the schema) and findDuplicateJsonKey() alone on arbitrary
// bytes. Beyond "no crash" (ASan, UBSan) it checks what they promise; a broken promise traps,
// which libFuzzer reports as a crash.
#include "config/appconfig.h"
#include "config/jsonduplicatekeys.h"
#include "fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                    qsizetype(size));
    const std::optional<DuplicateJsonKey> duplicate = findDuplicateJsonKey(json);
    if (duplicate) {
        // A second key comes after the first, inside the text, under the root.
        check(duplicate->firstLine >= 1 && duplicate->line >= duplicate->firstLine);
        check(duplicate->line <= json.count('\n') + 1);
        check(duplicate->path.startsWith(QLatin1String("$")));
    }
    const ConfigLoadResult loaded = parseConfig(json, QStringLiteral("fuzz.json"));
    // Either a config or the reasons there is none, each with its place.
    check(loaded.config.has_value() == loaded.errors.isEmpty());
    for (const ConfigError &error : loaded.errors)
        check(error.path.startsWith(QLatin1String("$")) && !error.message.isEmpty());
    // A config never comes from a text with a key given twice.
    check(!(duplicate && loaded.config));
    return 0;
}
