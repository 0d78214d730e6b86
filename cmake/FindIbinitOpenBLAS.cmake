# Finds OpenBLAS's CBLAS (Debian: libopenblas-dev) and defines the imported target Ibinit::OpenBLAS.
# Fails with the package to install when it is missing.
find_path(IBINIT_OPENBLAS_INCLUDE_DIR NAMES cblas.h
  PATHS /usr/include/x86_64-linux-gnu/openblas-pthread /usr/include/openblas /usr/include
  PATH_SUFFIXES openblas)
find_library(IBINIT_OPENBLAS_LIBRARY NAMES openblas
  PATHS /usr/lib/x86_64-linux-gnu/openblas-pthread /usr/lib/x86_64-linux-gnu)
if(NOT IBINIT_OPENBLAS_INCLUDE_DIR OR NOT IBINIT_OPENBLAS_LIBRARY)
  message(FATAL_ERROR "OpenBLAS not found: install it with `apt-get install libopenblas-dev` (see README).")
endif()
add_library(Ibinit::OpenBLAS UNKNOWN IMPORTED)
set_target_properties(Ibinit::OpenBLAS PROPERTIES
  IMPORTED_LOCATION "${IBINIT_OPENBLAS_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${IBINIT_OPENBLAS_INCLUDE_DIR}")
message(STATUS "OpenBLAS: ${IBINIT_OPENBLAS_LIBRARY} (headers ${IBINIT_OPENBLAS_INCLUDE_DIR})")
