# One INTERFACE target carries the compile settings every DNS Watch target shares.
add_library(dnswatch_common INTERFACE)
target_compile_features(dnswatch_common INTERFACE cxx_std_20)
target_compile_definitions(dnswatch_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH)
target_compile_options(dnswatch_common INTERFACE -Wall -Wextra -pedantic)
if(DNSWATCH_WERROR)
    target_compile_options(dnswatch_common INTERFACE -Werror)
endif()
if(DNSWATCH_SANITIZE)
    target_compile_options(dnswatch_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(dnswatch_common INTERFACE -fsanitize=address,undefined)
endif()
if(DNSWATCH_FUZZ)
    # Libraries get coverage instrumentation; the fuzz targets add -fsanitize=fuzzer themselves.
    target_compile_options(dnswatch_common INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(dnswatch_common INTERFACE -fsanitize=address,undefined)
endif()
