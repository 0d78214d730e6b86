# Writes the NumPy fixtures NpyDatasetsTest reads (run from this folder: python3 make-fixtures.py).
# Values follow a rule the test recomputes: x[i, j] = i + j / 8 (float32 exact), y[i] = i % 3.
import numpy as np

n, d = 6, 4
x = (np.arange(n)[:, None] + np.arange(d)[None, :] / 8).astype(np.float32)
y = (np.arange(n) % 3).astype(np.int64)

np.save("x.npy", x)                                   # <f4, C order
np.save("y.npy", y)                                   # <i8
np.save("x_f8.npy", x.astype(np.float64))             # <f8
np.save("x_fortran.npy", np.asfortranarray(x))        # fortran_order True
np.save("x_big.npy", x.astype(">f4"))                 # big-endian
np.save("x_u1.npy", (np.arange(n * d).reshape(n, 2, 2) * 10).astype(np.uint8))  # uint8 images 2x2
np.save("y_u1.npy", y.astype(np.uint8))
np.save("y_float.npy", y.astype(np.float32))          # wrong dtype for labels
np.savez("stored.npz", x=x, y=y)                      # zip, stored
np.savez_compressed("deflated.npz", x=x, y=y, x_test=x[:3], y_test=y[:3])  # zip, deflated
