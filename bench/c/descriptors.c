/*
 * Straightforward single-threaded C implementation of the softglass "ka-266" descriptors (DESIGN §3),
 * for side-by-side timing and a check of the values (bench/compare-descriptors-c.sh).
 *
 *   G_X(i; mu, w)     = sum_{j in X, r_ij < 5} exp(-(r_ij - mu)^2 / w),  w = 0.0025, mu = 0.05 .. 5.00 (100)
 *   Psi_XY(i; xi,l,z) = sum_{unordered pairs {j,k}, species {X,Y}, r_ij, r_ik < 5}
 *                         exp(-(r_ij^2 + r_ik^2 + r_jk^2) / xi^2) (1 + l cos theta_jik)^z   (22 triplets)
 * Columns: G_A (100), G_B (100), Psi_AA (22), Psi_AB (22), Psi_BB (22); rows: particles in id order.
 *
 * Algorithm (plain loops, no SIMD intrinsics, no factorisation tricks): an O(N^2) minimum-image
 * neighbour search per centre (box lengths must exceed 2 rmax), then for every unordered neighbour pair
 * r_jk^2 from the difference vector, cos theta, and for each of the 6 distinct xi one exp of the
 * exact exponent E = (r_ij^2 + r_ik^2 + r_jk^2)/xi^2 shared by that xi's triplets, integer powers by
 * repeated multiplication. Truncation as softglass's tolerance tau = 1e-12: a radial term is skipped when
 * (r - mu)^2/w > ln(1/tau), an angular (pair, xi) when E > ln(1/tau) + zeta_max ln(1 + |lambda|_max)
 * (each skipped term < tau).
 *
 * Usage: descriptors DUMP OUT.npy [centres]   (first frame of a LAMMPS text dump with id type and
 * x y z or xu yu zu; writes float64 .npy of shape (centres, 266); prints timing lines on stdout)
 * Build: gcc -O3 -march=native -o descriptors descriptors.c -lm
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NR 100
#define NT 22
#define M (2 * NR + 3 * NT)

static const double XI[NT] = {14.638, 14.638, 14.638, 14.638, 2.554, 2.554, 2.554, 2.554, 1.648, 1.648, 1.204, 1.204,
                              1.204, 1.204, 0.933, 0.933, 0.933, 0.933, 0.695, 0.695, 0.695, 0.695};
static const double LAM[NT] = {-1, 1, -1, 1, -1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
static const int ZETA[NT] = {1, 1, 2, 2, 1, 1, 2, 2, 1, 2, 1, 2, 4, 16, 1, 2, 4, 16, 1, 2, 4, 16};

typedef struct { long id; int type; double x, y, z; } atom;

static int by_id(const void *a, const void *b) {
    long x = ((const atom *)a)->id, y = ((const atom *)b)->id;
    return x < y ? -1 : x > y;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double ipow(double b, int n) {
    double r = 1;
    for (int k = 0; k < n; k++) r *= b;
    return r;
}

static void die(const char *msg) { fprintf(stderr, "descriptors: %s\n", msg); exit(2); }

int main(int argc, char **argv) {
    if (argc < 3) die("usage: descriptors DUMP OUT.npy [centres]");
    FILE *in = fopen(argv[1], "r");
    if (!in) die("cannot open the dump");
    char line[4096];
    long n = -1;
    double lo[3], hi[3];
    int cid = -1, ctype = -1, cx = -1, ncol = 0;
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "ITEM: NUMBER OF ATOMS", 21) == 0) {
            if (!fgets(line, sizeof line, in)) die("truncated header");
            n = atol(line);
        } else if (strncmp(line, "ITEM: BOX BOUNDS", 16) == 0) {
            for (int a = 0; a < 3; a++) {
                if (!fgets(line, sizeof line, in) || sscanf(line, "%lf %lf", &lo[a], &hi[a]) != 2) die("bad box bounds");
            }
        } else if (strncmp(line, "ITEM: ATOMS", 11) == 0) {
            char *tok = strtok(line + 11, " \t\n");
            for (int c = 0; tok; c++, tok = strtok(NULL, " \t\n")) {
                if (!strcmp(tok, "id")) cid = c;
                else if (!strcmp(tok, "type")) ctype = c;
                else if (cx < 0 && (!strcmp(tok, "x") || !strcmp(tok, "xu"))) cx = c;
                ncol = c + 1;
            }
            break;
        }
    }
    if (n <= 0 || cid < 0 || ctype < 0 || cx < 0) die("need a dump frame with id, type and x y z (or xu yu zu)");
    atom *at = malloc(n * sizeof(atom));
    double *v = malloc(ncol * sizeof(double));
    for (long i = 0; i < n; i++) {
        if (!fgets(line, sizeof line, in)) die("truncated atoms section");
        char *p = line;
        for (int c = 0; c < ncol; c++) v[c] = strtod(p, &p);
        at[i].id = (long)v[cid];
        at[i].type = (int)v[ctype];
        at[i].x = v[cx]; at[i].y = v[cx + 1]; at[i].z = v[cx + 2];
    }
    fclose(in);
    qsort(at, n, sizeof(atom), by_id);
    double L[3] = {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    const double rmax = 5.0, r2max = 25.0, tau = 1e-12, logtau = log(1 / tau);
    for (int a = 0; a < 3; a++) if (L[a] <= 2 * rmax) die("box lengths must exceed 2 rmax = 10");
    long centres = argc > 3 ? atol(argv[3]) : n;
    if (centres > n) centres = n;

    /* distinct xi and their truncation thresholds */
    double xi2[NT], thr[NT];
    int xiOf[NT], nxi = 0;
    for (int t = 0; t < NT; t++) {
        int q = -1;
        for (int s = 0; s < nxi; s++) if (xi2[s] == XI[t] * XI[t]) q = s;
        if (q < 0) { q = nxi++; xi2[q] = XI[t] * XI[t]; thr[q] = 0; }
        xiOf[t] = q;
        double worst = ZETA[t] * log1p(fabs(LAM[t]));
        if (worst > thr[q]) thr[q] = worst;
    }
    for (int q = 0; q < nxi; q++) thr[q] += logtau;
    const double w = 0.0025, rwin = w * logtau;

    double *out = calloc((size_t)centres * M, sizeof(double));
    double *dx = malloc(n * sizeof(double)), *dy = malloc(n * sizeof(double)), *dz = malloc(n * sizeof(double));
    double *r2 = malloc(n * sizeof(double));
    int *sp = malloc(n * sizeof(int));
    double tNeigh = 0, t0 = now(), c0 = cpu();
    for (long i = 0; i < centres; i++) {
        double ts = now();
        int m = 0;
        for (long j = 0; j < n; j++) {
            if (j == i || at[j].type < 1 || at[j].type > 2) continue;
            double ex = at[j].x - at[i].x, ey = at[j].y - at[i].y, ez = at[j].z - at[i].z;
            ex -= L[0] * rint(ex / L[0]); ey -= L[1] * rint(ey / L[1]); ez -= L[2] * rint(ez / L[2]);
            double d2 = ex * ex + ey * ey + ez * ez;
            if (d2 < r2max) { dx[m] = ex; dy[m] = ey; dz[m] = ez; r2[m] = d2; sp[m] = at[j].type - 1; m++; }
        }
        tNeigh += now() - ts;
        double *row = out + (size_t)i * M;
        for (int p = 0; p < m; p++) {
            double r = sqrt(r2[p]);
            for (int k = 0; k < NR; k++) {
                double mu = (k + 1) / 20.0, d = r - mu;
                if (d * d > rwin) continue;
                row[sp[p] * NR + k] += exp(-d * d / w);
            }
        }
        for (int p = 0; p < m; p++) {
            double rp = sqrt(r2[p]);
            for (int q = p + 1; q < m; q++) {
                double ex = dx[p] - dx[q], ey = dy[p] - dy[q], ez = dz[p] - dz[q];
                double rpq2 = ex * ex + ey * ey + ez * ez;
                double c = (dx[p] * dx[q] + dy[p] * dy[q] + dz[p] * dz[q]) / (rp * sqrt(r2[q]));
                double sum = r2[p] + r2[q] + rpq2;
                int pair = sp[p] + sp[q]; /* 0 AA, 1 AB, 2 BB */
                double *acc = row + 2 * NR + pair * NT;
                double g[NT];
                for (int s = 0; s < nxi; s++) {
                    double e = sum / xi2[s];
                    g[s] = e > thr[s] ? 0.0 : exp(-e);
                }
                for (int t = 0; t < NT; t++) {
                    double gs = g[xiOf[t]];
                    if (gs != 0.0) acc[t] += gs * ipow(1 + LAM[t] * c, ZETA[t]);
                }
            }
        }
    }
    double wall = now() - t0, cpus = cpu() - c0;
    printf("c centres %ld\n", centres);
    printf("c wall_s %.6f\n", wall);
    printf("c cpu_s %.6f\n", cpus);
    printf("c neighbour_search_wall_s %.6f\n", tNeigh);
    printf("c cpu_us_per_centre %.3f\n", 1e6 * cpus / centres);

    FILE *o = fopen(argv[2], "wb");
    if (!o) die("cannot write the output");
    char hdr[128];
    int len = snprintf(hdr, sizeof hdr, "{'descr': '<f8', 'fortran_order': False, 'shape': (%ld, %d), }", centres, M);
    int total = 10 + len + 1, pad = (64 - total % 64) % 64;
    unsigned short hl = (unsigned short)(len + 1 + pad);
    fwrite("\x93NUMPY\x01\x00", 1, 8, o);
    fwrite(&hl, 2, 1, o);
    fwrite(hdr, 1, len, o);
    for (int k = 0; k < pad; k++) fputc(' ', o);
    fputc('\n', o);
    fwrite(out, sizeof(double), (size_t)centres * M, o);
    fclose(o);
    return 0;
}
