# The Debian package (scripts/package.sh runs `cpack -G DEB`): what the package holds beyond the
# program and its desktop entry (installed where they are built), and its control fields.
# Dependencies come from the binary (dpkg-shlibdeps), plus the Qt plugins it loads at run time,
# which no linker sees.
find_program(DNSWATCH_GZIP gzip REQUIRED)
set(dnswatch_package_dir ${CMAKE_CURRENT_BINARY_DIR}/package)
set(dnswatch_doc_dir share/doc/dnswatch)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "DNS Watch maintainers <maintainers@users.noreply.r-seed-68a28b35.example>")

# The package is native (version PROJECT_VERSION, no Debian revision), so its changelog is
# changelog.gz, as lintian asks of native packages.
# Release date of PROJECT_VERSION: the metainfo's release, the Debian changelog's entry and the
# man page's date.
execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C date -u -d "${DNSWATCH_RELEASE_DATE} 12:00" "+%a, %d %b %Y %H:%M:%S +0000"
    OUTPUT_VARIABLE dnswatch_release_rfc2822 OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
configure_file(resources/metainfo/dnswatch.metainfo.xml.in
    ${dnswatch_package_dir}/${DNSWATCH_APP_ID}.metainfo.xml @ONLY)
configure_file(resources/debian/changelog.in ${dnswatch_package_dir}/changelog @ONLY)

# gzip -n: no name or time stamp in the header, so the bytes depend on the content alone.
function(dnswatch_gzip_for_package input output)
    add_custom_command(OUTPUT ${output}
        COMMAND ${DNSWATCH_GZIP} -9nc ${input} > ${output}
        DEPENDS ${input} VERBATIM)
endfunction()
dnswatch_gzip_for_package(${PROJECT_SOURCE_DIR}/resources/man/dnswatch.1
    ${dnswatch_package_dir}/dnswatch.1.gz)
dnswatch_gzip_for_package(${dnswatch_package_dir}/changelog
    ${dnswatch_package_dir}/changelog.gz)
add_custom_target(dnswatch_package_files ALL DEPENDS
    ${dnswatch_package_dir}/dnswatch.1.gz ${dnswatch_package_dir}/changelog.gz)

install(FILES ${dnswatch_package_dir}/${DNSWATCH_APP_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${dnswatch_package_dir}/dnswatch.1.gz DESTINATION share/man/man1)
install(FILES resources/systemd/dnswatch-agent.service DESTINATION lib/systemd/system)
install(FILES resources/debian/copyright ${dnswatch_package_dir}/changelog.gz
    DESTINATION ${dnswatch_doc_dir})
install(FILES examples/dnswatch.json resources/prometheus/alerts.yml
    DESTINATION ${dnswatch_doc_dir}/examples)
install(FILES resources/grafana/dnswatch.json DESTINATION ${dnswatch_doc_dir}/examples
    RENAME grafana-dashboard.json)
# lintian warnings that stay, each with a one-line reason (none today).
if(EXISTS ${PROJECT_SOURCE_DIR}/resources/debian/lintian-overrides)
    install(FILES resources/debian/lintian-overrides DESTINATION share/lintian/overrides
        RENAME dnswatch)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dnswatch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The history's SQLite driver is a Qt plugin: loaded at run time, invisible to dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Prometheus scrapes the agent; the dashboard keeps agents' tokens in a Secret Service.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus, gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "DNS monitor that keeps service hosts reachable when DNS fails")
# CPack takes the summary as the first line of Description; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "DNS Watch resolves the hosts services depend on (MLflow tracking servers, APIs,
databases) in background probes, with a cache that honours record TTLs, stale
answers when lookups fail (RFC 8767), negative caching (RFC 2308) and pinned or
emergency fallback addresses, and records every decision as an event.
.
One program gives a Qt dashboard, a one-shot check for scripts (--once), a
headless agent with Prometheus metrics and a JSON API (--headless, with the
systemd unit dnswatch-agent.service, not enabled on install), and health
reports as HTML, PDF, CSV or JSON.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/resources/debian/postinst
    ${PROJECT_SOURCE_DIR}/resources/debian/prerm
    ${PROJECT_SOURCE_DIR}/resources/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Directories CPack makes on its way are 0755 whatever the umask of the build.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
