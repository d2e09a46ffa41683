# Driver for the consumer tests, run as a CTest with `cmake -P`:
#
#   cmake -DMODE=<mode> -DSOURCE_DIR=<gost-core tree> -DWORK_DIR=<scratch>
#         -DCXX=<compiler> [-DCXX_FLAGS=...] [-DLINKER_FLAGS=...]
#         [-DBUILD_TYPE=...] [-DGENERATOR=...] [-DMAKE_PROGRAM=...]
#         -DEXPECTED_VERSION=<x.y.z> -P run_consumer.cmake
#
# MODE is one of
#   install          configure gost-core alone, install it into a prefix, check
#                    the install tree, build the find_package consumer against
#                    the prefix, and (when pkg-config exists) build the program
#                    again with `pkg-config --cflags --libs gost-core`
#   build_tree       configure gost-core alone and build the find_package
#                    consumer with gost-core_DIR=<that build folder>
#   add_subdirectory build the consumer that calls add_subdirectory(<tree>)
#   fetch_content    build the consumer that uses FetchContent (SOURCE_DIR)
#   plain            copy include/ and compile the program with nothing but
#                    -I<copy> -std=c++20 -pthread
# Every mode ends by running the consumer program, which checks its results.
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS MODE SOURCE_DIR WORK_DIR CXX EXPECTED_VERSION)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: ${var} is not set")
  endif()
endforeach()
set(config_args)
if(BUILD_TYPE)
  set(config_args --config "${BUILD_TYPE}")
endif()

set(consumers "${CMAKE_CURRENT_LIST_DIR}")
set(app_source "${consumers}/app/main.cpp")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Arguments every configure step gets: the same compiler, flags and generator
# as the build that runs the test, so the clang and sanitizer presets test
# their own toolchain.
set(common_args
  "-DCMAKE_CXX_COMPILER=${CXX}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
  "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
if(GENERATOR)
  list(APPEND common_args -G "${GENERATOR}")
endif()
if(MAKE_PROGRAM)
  list(APPEND common_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()

function(step what)
  message(STATUS "[consumer ${MODE}] ${what}")
endfunction()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "[consumer ${MODE}] command failed (${rc}): ${cmd}")
  endif()
endfunction()

# Configures, builds and runs one of the consumer projects.
function(build_and_run_consumer project_dir binary_dir)
  step("configure ${project_dir}")
  run("${CMAKE_COMMAND}" -S "${project_dir}" -B "${binary_dir}" ${common_args}
      "-DEXPECTED_VERSION=${EXPECTED_VERSION}" ${ARGN})
  step("build")
  run("${CMAKE_COMMAND}" --build "${binary_dir}" ${config_args})
  step("run")
  run("${binary_dir}/consumer")
endfunction()

# Configures gost-core itself, alone, with everything but the library off.
function(configure_gost_core binary_dir)
  step("configure gost-core into ${binary_dir}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${binary_dir}" ${common_args}
      -DGOST_CORE_BUILD_TESTS=OFF -DGOST_CORE_BUILD_EXAMPLES=OFF -DGOST_CORE_BUILD_BENCHMARKS=OFF
      -DGOST_CORE_BUILD_DOCS=OFF -DGOST_CORE_INSTALL=ON ${ARGN})
endfunction()

function(require_file path)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "[consumer ${MODE}] missing: ${path}")
  endif()
endfunction()

# Includes a package version file as find_package would, for a searcher whose
# pointer size is `void_p` and which asks for version `wanted`.
function(check_version_file file void_p wanted expect_compatible)
  set(CMAKE_SIZEOF_VOID_P ${void_p})
  set(PACKAGE_FIND_NAME gost-core)
  set(PACKAGE_FIND_VERSION ${wanted})
  string(REPLACE "." ";" parts "${wanted}")
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
  set(PACKAGE_FIND_VERSION_PATCH 0)
  set(PACKAGE_VERSION_UNSUITABLE FALSE)
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
  include("${file}")
  if(PACKAGE_VERSION_UNSUITABLE)
    message(FATAL_ERROR "[consumer ${MODE}] ${file} rejects a searcher with sizeof(void*) == ${void_p}: "
                        "it is not ARCH_INDEPENDENT")
  endif()
  if(NOT PACKAGE_VERSION STREQUAL EXPECTED_VERSION)
    message(FATAL_ERROR "[consumer ${MODE}] ${file} says version ${PACKAGE_VERSION}, expected ${EXPECTED_VERSION}")
  endif()
  if(NOT PACKAGE_VERSION_COMPATIBLE STREQUAL expect_compatible)
    message(FATAL_ERROR "[consumer ${MODE}] ${file}: compatible with ${wanted} is ${PACKAGE_VERSION_COMPATIBLE}, "
                        "expected ${expect_compatible}")
  endif()
endfunction()

# Checks the layout of an installed gost-core under `prefix`.
function(check_install_tree prefix)
  step("check the install tree in ${prefix}")
  set(cmake_dir "${prefix}/share/cmake/gost-core")
  require_file("${prefix}/include/gost/core.hpp")
  require_file("${prefix}/include/gost/core/version.hpp")
  require_file("${cmake_dir}/gost-coreConfig.cmake")
  require_file("${cmake_dir}/gost-coreConfigVersion.cmake")
  require_file("${cmake_dir}/gost-coreTargets.cmake")
  require_file("${prefix}/share/pkgconfig/gost-core.pc")

  # Every public header is installed, at the same relative path. (The testing
  # kit under include/gost/core/testing/ is not part of gost::core.)
  file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/gost/*.hpp")
  list(FILTER headers EXCLUDE REGEX "^gost/core/testing/")
  list(LENGTH headers count)
  foreach(h IN LISTS headers)
    require_file("${prefix}/include/${h}")
  endforeach()
  step("all ${count} public headers installed")

  # Header-only: nothing may land in lib/ (a pkg-config file or CMake package
  # there would tie the package to one architecture).
  file(GLOB_RECURSE libdir_files "${prefix}/lib/*" "${prefix}/lib64/*")
  if(libdir_files)
    message(FATAL_ERROR "[consumer ${MODE}] arch-specific files installed: ${libdir_files}")
  endif()

  # The version file, evaluated the way find_package does: it must accept the
  # same minor version, and (ARCH_INDEPENDENT) a searcher with another pointer
  # size, e.g. a 32-bit build.
  check_version_file("${cmake_dir}/gost-coreConfigVersion.cmake" 4 0.5 TRUE)
  check_version_file("${cmake_dir}/gost-coreConfigVersion.cmake" 8 0.5 TRUE)
  check_version_file("${cmake_dir}/gost-coreConfigVersion.cmake" 8 1.0 FALSE)

  # Relocatable: no absolute path of the source or build tree in the package.
  foreach(f IN ITEMS "${cmake_dir}/gost-coreConfig.cmake" "${cmake_dir}/gost-coreTargets.cmake"
                     "${prefix}/share/pkgconfig/gost-core.pc")
    file(READ "${f}" text)
    string(FIND "${text}" "${SOURCE_DIR}" at_source)
    string(FIND "${text}" "${WORK_DIR}" at_work)
    if(NOT at_source EQUAL -1 OR NOT at_work EQUAL -1)
      message(FATAL_ERROR "[consumer ${MODE}] ${f} holds an absolute build path")
    endif()
  endforeach()
endfunction()

# Builds the program with the flags pkg-config reports for the installed .pc.
function(check_pkg_config prefix)
  find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
  if(NOT PKG_CONFIG_EXECUTABLE)
    step("pkg-config not found: skipping the pkg-config check")
    return()
  endif()
  set(env "${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${prefix}/share/pkgconfig")
  foreach(query IN ITEMS modversion cflags libs)
    execute_process(COMMAND ${env} "${PKG_CONFIG_EXECUTABLE}" --${query} gost-core
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "[consumer ${MODE}] pkg-config --${query} gost-core failed (${rc})")
    endif()
    set(pc_${query} "${out}")
    step("pkg-config --${query} gost-core: ${out}")
  endforeach()
  if(NOT pc_modversion STREQUAL EXPECTED_VERSION)
    message(FATAL_ERROR "[consumer ${MODE}] pkg-config reports version ${pc_modversion}, expected ${EXPECTED_VERSION}")
  endif()
  if(NOT pc_cflags MATCHES "-std=c\\+\\+20")
    message(FATAL_ERROR "[consumer ${MODE}] pkg-config cflags lack -std=c++20: ${pc_cflags}")
  endif()
  separate_arguments(cflags UNIX_COMMAND "${pc_cflags}")
  separate_arguments(libs UNIX_COMMAND "${pc_libs}")
  separate_arguments(extra_cxx UNIX_COMMAND "${CXX_FLAGS}")
  separate_arguments(extra_ld UNIX_COMMAND "${LINKER_FLAGS}")
  set(exe "${WORK_DIR}/pkg-config-consumer")
  step("compile with the pkg-config flags")
  run("${CXX}" ${extra_cxx} ${cflags} "-DGOST_CORE_EXPECTED_VERSION=\"${EXPECTED_VERSION}\""
      "${app_source}" -o "${exe}" ${extra_ld} ${libs})
  step("run")
  run("${exe}")
endfunction()

if(MODE STREQUAL "install")
  set(prefix "${WORK_DIR}/prefix")
  configure_gost_core("${WORK_DIR}/gost-core-build" "-DCMAKE_INSTALL_PREFIX=${prefix}")
  step("install into ${prefix}")
  run("${CMAKE_COMMAND}" --install "${WORK_DIR}/gost-core-build" ${config_args} --prefix "${prefix}")
  check_install_tree("${prefix}")
  # The source tree and build folder are out of reach from here on: only the
  # prefix is searched.
  build_and_run_consumer("${consumers}/find_package" "${WORK_DIR}/consumer-build"
                         "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
  check_pkg_config("${prefix}")
elseif(MODE STREQUAL "build_tree")
  configure_gost_core("${WORK_DIR}/gost-core-build")
  require_file("${WORK_DIR}/gost-core-build/gost-coreTargets.cmake")
  build_and_run_consumer("${consumers}/find_package" "${WORK_DIR}/consumer-build"
                         "-Dgost-core_DIR=${WORK_DIR}/gost-core-build" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
elseif(MODE STREQUAL "add_subdirectory")
  build_and_run_consumer("${consumers}/add_subdirectory" "${WORK_DIR}/consumer-build"
                         "-DGOST_CORE_SOURCE_DIR=${SOURCE_DIR}")
elseif(MODE STREQUAL "fetch_content")
  build_and_run_consumer("${consumers}/fetch_content" "${WORK_DIR}/consumer-build"
                         "-DGOST_CORE_SOURCE_DIR=${SOURCE_DIR}" -DFETCHCONTENT_FULLY_DISCONNECTED=ON)
elseif(MODE STREQUAL "plain")
  set(copy "${WORK_DIR}/include")
  step("copy include/ to ${copy}")
  file(COPY "${SOURCE_DIR}/include/" DESTINATION "${copy}")
  set(exe "${WORK_DIR}/plain-consumer")
  step("compile with ${CXX} -I${copy} -std=c++20 -pthread")
  run("${CXX}" "-I${copy}" -std=c++20 -pthread "-DGOST_CORE_EXPECTED_VERSION=\"${EXPECTED_VERSION}\""
      "${app_source}" -o "${exe}")
  step("run")
  run("${exe}")
else()
  message(FATAL_ERROR "run_consumer.cmake: unknown MODE '${MODE}'")
endif()
step("passed")
