# The testing kit: target gost::core_testing (GoogleMock mocks of every
# interface, the in-memory pipe and listener, and the conformance suites),
# headers under include/gost/core/testing/.
#
# It needs GoogleTest and GoogleMock, and only this target does: when they
# are not found the kit is left out quietly and gost::core is unaffected.
# Included from the top-level CMakeLists.txt before its install section, so
# the install folder is worked out here rather than taken from there.
if(TARGET gost-core-testing)
  return()
endif()

find_package(GTest QUIET)
if(NOT TARGET GTest::gmock OR NOT TARGET GTest::gtest)
  message(STATUS "gost-core: GoogleTest/GoogleMock not found; gost::core_testing is not defined")
  return()
endif()

add_library(gost-core-testing INTERFACE)
add_library(gost::core_testing ALIAS gost-core-testing)
set_target_properties(gost-core-testing PROPERTIES EXPORT_NAME core_testing)
target_link_libraries(gost-core-testing INTERFACE gost::core GTest::gmock GTest::gtest)

file(GLOB_RECURSE GOST_CORE_TESTING_HEADERS CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/include/gost/core/testing/*.hpp")
target_sources(gost-core-testing INTERFACE
  FILE_SET HEADERS
  BASE_DIRS "${PROJECT_SOURCE_DIR}/include"
  FILES ${GOST_CORE_TESTING_HEADERS})

if(PROJECT_IS_TOP_LEVEL)
  # all_verify_interface_header_sets then compiles each kit header alone too.
  set_target_properties(gost-core-testing PROPERTIES VERIFY_INTERFACE_HEADER_SETS ON)
endif()

if(GOST_CORE_INSTALL)
  # Same folder as gost-coreTargets.cmake; gost-coreConfig.cmake loads the
  # file below when it exists and the "testing" component is asked for.
  set(_gost_core_testing_cmake_dir "${CMAKE_INSTALL_DATADIR}/cmake/gost-core")
  install(TARGETS gost-core-testing
    EXPORT gost-core-testing-targets
    FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT gost-core-testing-targets
    NAMESPACE gost::
    FILE gost-coreTestingTargets.cmake
    DESTINATION "${_gost_core_testing_cmake_dir}")
  # The build tree gets the same file, for gost-core_DIR=<build folder>.
  export(EXPORT gost-core-testing-targets
    NAMESPACE gost::
    FILE "${PROJECT_BINARY_DIR}/gost-coreTestingTargets.cmake")
  unset(_gost_core_testing_cmake_dir)
endif()
