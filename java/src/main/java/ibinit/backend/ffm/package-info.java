/**
 * The FFM binding shared by both native backends: they implement one C ABI
 * (native/include/ibinit.h), so one set of downcall handles and one {@code NativeBackend} serve
 * the CPU library and the CUDA library alike.
 */
package ibinit.backend.ffm;
