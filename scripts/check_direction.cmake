# Checks ARCHITECTURE.md's dependency direction in the sources (ctest
# `dependency_direction`; run by hand with
# `cmake -DSOURCE_DIR=. -P scripts/check_direction.cmake`):
#
#  1. nothing above core (engine/rpc, engine/export, tools, examples)
#     includes a header of extract/ or graph/;
#  2. no core or query header that code above core includes — directly or
#     through other core and query headers — includes extract/, graph/ or
#     nlohmann.
#
# The include paths are the first line of defence (engine/core/README.md,
# "The dependency direction"); this check also catches what they cannot:
# tools/kg, whose include root is the project root, and nlohmann, which is
# installed where every compiler looks.
#
# Every core header, whoever includes it, is kept free of nlohmann by
# check_core_headers.cmake as well.
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<project root> -P check_direction.cmake")
endif()
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)

file(GLOB_RECURSE above RELATIVE ${SOURCE_DIR}
     ${SOURCE_DIR}/engine/rpc/*.h ${SOURCE_DIR}/engine/rpc/*.cpp
     ${SOURCE_DIR}/engine/export/*.h ${SOURCE_DIR}/engine/export/*.cpp
     ${SOURCE_DIR}/tools/*.h ${SOURCE_DIR}/tools/*.cpp
     ${SOURCE_DIR}/examples/*.h ${SOURCE_DIR}/examples/*.cpp)
list(LENGTH above n_above)
if(n_above LESS 10)
  message(FATAL_ERROR "found only ${n_above} sources above core under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()

set(violations "")
set(queue "")
foreach(f IN LISTS above)
  file(STRINGS ${SOURCE_DIR}/${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*$" "\\1" inc "${line}")
    if(inc MATCHES "^(engine/)?(extract|graph)/")
      list(APPEND violations "${f} includes ${inc}")
    elseif(inc MATCHES "^(engine/)?(core|query)/")
      string(REGEX REPLACE "^engine/" "" inc "${inc}")
      list(APPEND queue "${inc}|${f}")
    endif()
  endforeach()
endforeach()

# Every core and query header reached from above core, with who reached it first.
set(seen "")
while(queue)
  list(POP_FRONT queue item)
  string(REPLACE "|" ";" parts "${item}")
  list(GET parts 0 header)
  list(GET parts 1 from)
  if(header IN_LIST seen)
    continue()
  endif()
  list(APPEND seen ${header})
  if(NOT EXISTS ${SOURCE_DIR}/engine/${header})
    continue()
  endif()
  file(STRINGS ${SOURCE_DIR}/engine/${header} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*$" "\\1" inc "${line}")
    if(inc MATCHES "^(extract|graph)/" OR inc MATCHES "^nlohmann/")
      list(APPEND violations "${header} (included above core by ${from}) includes ${inc}")
    elseif(inc MATCHES "^(core|query)/")
      list(APPEND queue "${inc}|${from} via ${header}")
    endif()
  endforeach()
endwhile()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "the dependency direction is broken (ARCHITECTURE.md; engine/core/README.md):\n  ${text}")
endif()
list(LENGTH seen n_seen)
message(STATUS "dependency direction holds: ${n_above} sources above core, ${n_seen} core and query headers they reach")
