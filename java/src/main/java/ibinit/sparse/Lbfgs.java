package ibinit.sparse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithm 7.4 and 7.5)
 * with a line search satisfying the strong Wolfe conditions (Algorithms 3.5 and 3.6, cubic
 * interpolation), in the spirit of minFunc, the optimizer of the sparse-filtering reference code:
 * the first step is min(1, 1/||g||_1) along -g, later steps start at 1; pairs with y's &lt;= 1e-10
 * are skipped; it stops after {@code maxIterations} iterations, or when ||g||_inf &lt;= optTol, or
 * when the objective or the step changes by less than progTol. No library on Maven Central fitted:
 * the Java ports found (lbfgs4j 0.2.1, last released 2016; a few single-author ones) are unkept.
 */
public final class Lbfgs {
    /** A smooth objective: returns f(x) and writes its gradient into g. */
    public interface Objective {
        double valueAndGradient(double[] x, double[] g);
    }

    /**
     * One accepted iteration: its number (from 1), objective and gradient after it, the step
     * s = x_new - x_old, the line-search step length and the objective evaluations so far. The
     * arrays are the optimizer's own: read them, do not keep them.
     */
    public record Iteration(int number, double value, double[] x, double[] gradient, double[] step, double stepLength,
                            int evaluations) { }

    /** Called after each accepted iteration; return false to stop. */
    public interface Listener {
        boolean accepted(Iteration it);
    }

    /** Why the optimizer stopped. */
    public enum Stop { MAX_ITERATIONS, GRADIENT_SMALL, NO_PROGRESS, LINE_SEARCH_FAILED, NOT_DESCENT, LISTENER }

    /** The final point (the optimizer's array, now the caller's), its objective and why it stopped. */
    public record Result(double[] x, double value, int iterations, int evaluations, Stop stop) { }

    static final double C1 = 1e-4, C2 = 0.9;
    private static final int MAX_LINE_SEARCH = 25;

    private final int memory;
    private final int maxIterations;
    private final double optTol;
    private final double progTol;

    /**
     * @param memory        correction pairs kept (the reference code uses 20)
     * @param maxIterations iterations at most (the reference code: 200)
     * @param optTol        stop when the largest gradient entry is at most this (minFunc: 1e-5)
     * @param progTol       stop when the objective or every step entry changes by less (minFunc: 1e-9)
     */
    public Lbfgs(int memory, int maxIterations, double optTol, double progTol) {
        if (memory < 1) throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
        if (maxIterations < 0) throw new IllegalArgumentException("L-BFGS iterations must be >= 0, got " + maxIterations);
        if (!(optTol >= 0) || !(progTol >= 0)) throw new IllegalArgumentException("L-BFGS tolerances must be >= 0");
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.optTol = optTol;
        this.progTol = progTol;
    }

    public Lbfgs(int memory, int maxIterations) { this(memory, maxIterations, 1e-5, 1e-9); }

    private record Pair(double[] s, double[] y, double rho) { }

    /** Minimizes from {@code x0} (not modified). */
    public Result minimize(Objective fn, double[] x0, Listener listener) {
        int n = x0.length;
        double[] x = x0.clone(), g = new double[n];
        double f = fn.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(f)) throw new IllegalArgumentException("L-BFGS: the objective is " + f + " at the start");
        if (maxInf(g) <= optTol) return new Result(x, f, 0, evaluations, Stop.GRADIENT_SMALL);
        Deque<Pair> pairs = new ArrayDeque<>();
        double[] d = new double[n], xNew = new double[n], gNew = new double[n], step = new double[n];
        for (int k = 1; k <= maxIterations; k++) {
            direction(g, pairs, d);
            double gtd = dot(g, d);
            if (!(gtd < -progTol)) return new Result(x, f, k - 1, evaluations, Stop.NOT_DESCENT);
            double t0 = k == 1 ? Math.min(1, 1 / sumAbs(g)) : 1;
            LineSearch ls = new LineSearch(fn, x, f, g, d, gtd, xNew, gNew);
            double t = ls.search(t0);
            evaluations += ls.evaluations;
            if (Double.isNaN(t)) return new Result(x, f, k - 1, evaluations, Stop.LINE_SEARCH_FAILED);
            double fNew = ls.value;
            double[] y = new double[n], s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                step[i] = s[i];
            }
            double ys = dot(y, s);
            if (ys > 1e-10) {
                if (pairs.size() == memory) pairs.removeFirst();
                pairs.addLast(new Pair(s, y, 1 / ys));
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (listener != null && !listener.accepted(new Iteration(k, f, x, g, step, t, evaluations))) {
                return new Result(x, f, k, evaluations, Stop.LISTENER);
            }
            if (maxInf(g) <= optTol) return new Result(x, f, k, evaluations, Stop.GRADIENT_SMALL);
            if (maxInf(step) <= progTol || Math.abs(f - fOld) < progTol) return new Result(x, f, k, evaluations, Stop.NO_PROGRESS);
        }
        return new Result(x, f, maxIterations, evaluations, Stop.MAX_ITERATIONS);
    }

    /** d = -H g by the two-loop recursion, H0 = (s'y / y'y) I from the newest pair (I without pairs). */
    private static void direction(double[] g, Deque<Pair> pairs, double[] d) {
        int n = g.length, m = pairs.size();
        for (int i = 0; i < n; i++) d[i] = -g[i];
        double[] alpha = new double[m];
        int j = m - 1;
        for (Iterator<Pair> it = pairs.descendingIterator(); it.hasNext(); j--) {
            Pair p = it.next();
            alpha[j] = p.rho * dot(p.s, d);
            axpy(-alpha[j], p.y, d);
        }
        if (m > 0) {
            Pair last = pairs.getLast();
            double gamma = 1 / (last.rho * dot(last.y, last.y));
            for (int i = 0; i < n; i++) d[i] *= gamma;
        }
        j = 0;
        for (Pair p : pairs) {
            double beta = p.rho * dot(p.y, d);
            axpy(alpha[j] - beta, p.s, d);
            j++;
        }
    }

    /**
     * The strong Wolfe line search along d from x: finds t with f(x + t d) &lt;= f + C1 t g'd and
     * |g(x + t d)'d| &lt;= C2 |g'd|. Leaves the accepted point in xNew / gNew and its value in
     * {@link #value}; returns NaN when none was found within MAX_LINE_SEARCH evaluations, unless
     * a point with sufficient decrease was seen (then the best such point is taken, as minFunc).
     */
    private static final class LineSearch {
        private final Objective fn;
        private final double[] x, d, xNew, gNew, gTrial;
        private final double f0, gtd0;
        int evaluations;
        double value;
        private double bestT = Double.NaN, bestF = Double.POSITIVE_INFINITY;
        private double[] bestG;

        LineSearch(Objective fn, double[] x, double f0, double[] g0, double[] d, double gtd0, double[] xNew, double[] gNew) {
            this.fn = fn;
            this.x = x;
            this.f0 = f0;
            this.d = d;
            this.gtd0 = gtd0;
            this.xNew = xNew;
            this.gNew = gNew;
            this.gTrial = new double[x.length];
        }

        /** f at x + t d (gradient into gTrial); remembers the best point with sufficient decrease. */
        private double eval(double t) {
            for (int i = 0; i < x.length; i++) xNew[i] = x[i] + t * d[i];
            double f = fn.valueAndGradient(xNew, gTrial);
            evaluations++;
            if (Double.isFinite(f) && f <= f0 + C1 * t * gtd0 && f < bestF) {
                bestF = f;
                bestT = t;
                bestG = gTrial.clone();
            }
            return f;
        }

        private double accept(double t, double f) {
            value = f;
            System.arraycopy(gTrial, 0, gNew, 0, gNew.length);
            return t;
        }

        private double fallback() {
            if (Double.isNaN(bestT)) return Double.NaN;
            for (int i = 0; i < x.length; i++) xNew[i] = x[i] + bestT * d[i];
            System.arraycopy(bestG, 0, gNew, 0, gNew.length);
            value = bestF;
            return bestT;
        }

        double search(double t) {
            double tPrev = 0, fPrev = f0, gPrev = gtd0;
            for (int i = 0; evaluations < MAX_LINE_SEARCH; i++) {
                double f = eval(t);
                double gtd = dot(gTrial, d);
                if (!Double.isFinite(f) || !Double.isFinite(gtd)) {
                    t = (tPrev + t) / 2; // stepped too far: back off
                    continue;
                }
                if (f > f0 + C1 * t * gtd0 || (i > 0 && f >= fPrev)) return zoom(tPrev, fPrev, gPrev, t, f, gtd);
                if (Math.abs(gtd) <= -C2 * gtd0) return accept(t, f);
                if (gtd >= 0) return zoom(t, f, gtd, tPrev, fPrev, gPrev);
                double tNext = cubicMin(tPrev, fPrev, gPrev, t, f, gtd);
                double lo = t + 0.01 * (t - tPrev), hi = 10 * t;
                tNext = Double.isNaN(tNext) ? hi : Math.min(Math.max(tNext, lo), hi);
                tPrev = t;
                fPrev = f;
                gPrev = gtd;
                t = tNext;
            }
            return fallback();
        }

        /** Algorithm 3.6: lo satisfies sufficient decrease and has the lowest value seen; the minimizer lies between. */
        private double zoom(double tLo, double fLo, double gLo, double tHi, double fHi, double gHi) {
            while (evaluations < MAX_LINE_SEARCH) {
                double a = Math.min(tLo, tHi), b = Math.max(tLo, tHi), width = b - a;
                if (width <= 1e-12 * Math.max(1, b)) break;
                double t = cubicMin(tLo, fLo, gLo, tHi, fHi, gHi);
                // keep the trial inside the bracket, away from its ends
                if (Double.isNaN(t) || t < a + 0.1 * width || t > b - 0.1 * width) t = (a + b) / 2;
                double f = eval(t);
                double gtd = dot(gTrial, d);
                if (!Double.isFinite(f) || f > f0 + C1 * t * gtd0 || f >= fLo) {
                    tHi = t;
                    fHi = Double.isFinite(f) ? f : Double.MAX_VALUE;
                    gHi = Double.isFinite(gtd) ? gtd : 0;
                } else {
                    if (Math.abs(gtd) <= -C2 * gtd0) return accept(t, f);
                    if (gtd * (tHi - tLo) >= 0) {
                        tHi = tLo;
                        fHi = fLo;
                        gHi = gLo;
                    }
                    tLo = t;
                    fLo = f;
                    gLo = gtd;
                }
            }
            return fallback();
        }
    }

    /** The minimizer of the cubic through (a, fa, ga) and (b, fb, gb), or NaN when it has none. */
    static double cubicMin(double a, double fa, double ga, double b, double fb, double gb) {
        if (a == b) return Double.NaN;
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (!(disc >= 0)) return Double.NaN;
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double denom = gb - ga + 2 * d2;
        if (denom == 0) return Double.NaN;
        return b - (b - a) * (gb + d2 - d1) / denom;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    private static double maxInf(double[] v) {
        double m = 0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }

    private static double sumAbs(double[] v) {
        double s = 0;
        for (double e : v) s += Math.abs(e);
        return s;
    }
}
