# CPack pre-build hook (CPACK_PRE_BUILD_SCRIPTS): after CPACK_STRIP_FILES has stripped the
# debug symbols, drop the .comment and .note sections too, as dh_strip does for Debian's own
# packages (lintian: binary-has-unneeded-section).
file(GLOB_RECURSE executables LIST_DIRECTORIES false
     "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/*")
foreach(executable IN LISTS executables)
    execute_process(COMMAND "${CPACK_HOPSCOPE_STRIP}"
                            --remove-section=.comment --remove-section=.note "${executable}"
                    COMMAND_ERROR_IS_FATAL ANY)
    message(STATUS "Removed .comment and .note from ${executable}")
endforeach()
