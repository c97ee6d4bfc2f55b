#include "printabletext.h"

namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061c // Arabic letter mark
            || c == 0x200e || c == 0x200f // left-to-right and right-to-left marks
            || (c >= 0x202a && c <= 0x202e) // embeddings and overrides
            || (c >= 0x2066 && c <= 0x2069); // isolates
}

bool isKeptLayout(char16_t c, LineBreaks lineBreaks)
{
    return lineBreaks == LineBreaks::Keep && (c == u'\t' || c == u'\n');
}

// Whether the code unit at index needs an escape: controls, bidi controls, separators and
// surrogates that are not half of a pair.
bool needsEscape(QStringView text, qsizetype index, LineBreaks lineBreaks)
{
    const char16_t c = text[index].unicode();
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return !isKeptLayout(c, lineBreaks);
    if (isBidiControl(c) || c == 0x2028 || c == 0x2029)
        return true;
    if (QChar::isHighSurrogate(c))
        return index + 1 >= text.size() || !QChar::isLowSurrogate(text[index + 1].unicode());
    if (QChar::isLowSurrogate(c))
        return index == 0 || !QChar::isHighSurrogate(text[index - 1].unicode());
    return false;
}

QString escapeFor(char16_t c)
{
    switch (c) {
    case u'\t':
        return QStringLiteral("\\t");
    case u'\n':
        return QStringLiteral("\\n");
    case u'\r':
        return QStringLiteral("\\r");
    default:
        break;
    }
    if (c < 0x100)
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    return QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

} // namespace

bool hasUnprintable(QStringView text, LineBreaks lineBreaks)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (needsEscape(text, i, lineBreaks))
            return true;
    }
    return false;
}

QString printable(QStringView text, LineBreaks lineBreaks)
{
    if (!hasUnprintable(text, lineBreaks))
        return text.toString();
    QString shown;
    shown.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (needsEscape(text, i, lineBreaks))
            shown += escapeFor(text[i].unicode());
        else
            shown += text[i];
    }
    return shown;
}
