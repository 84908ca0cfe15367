package org.softglass.cli.report;

import org.softglass.core.util.Format;
import org.softglass.cli.pipeline.PipelinePreset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The static HTML page of the pipeline report (no scripts, no network; figures are sibling PNGs). */
final class PipelineHtml {
    private PipelineHtml() {}

    static String page(PipelinePreset preset, Map<String, Object> sum, List<String[]> fitted, List<String[]> bins,
                       List<Map<String, Object>> cmp, List<Map<String, Object>> db, List<String> tempFigs, List<String> copied) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>softglass pipeline report: ")
                .append(esc(preset.name())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}\n")
                .append("th{background:#eee}td.l,th.l{text-align:left}img{max-width:100%;border:1px solid #ddd;margin:4px 0}\n")
                .append(".grid{display:grid;grid-template-columns:1fr 1fr;gap:8px}.note{color:#555;font-size:90%}\n")
                .append(".fallback{border:3px solid #c00;background:#fff0f0;padding:0.5em 1em;margin:1em 0}.fallback h2{color:#c00;margin:0.2em 0}\n")
                .append("</style></head><body>\n");
        h.append("<h1>softglass pipeline report</h1>\n");
        fallbackBanner(h, sum);
        @SuppressWarnings("unchecked")
        Map<String, Object> study = (Map<String, Object>) sum.get("study");
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) sum.get("study_config");
        String config = study != null ? String.valueOf(study.get("config")) : own != null ? String.valueOf(own.get("config")) : null;
        if (study == null && own != null) {
            h.append("<p>Kob–Andersen 80:20 mixture at ρ = 1.2, study <b>").append(esc(preset.name())).append("</b> of <code>")
                    .append(esc(config)).append("</code>");
        } else if (study == null) {
            h.append("<p>Kob–Andersen 80:20 mixture at ρ = 1.2, preset <b>").append(esc(preset.name())).append("</b>");
        } else {
            h.append("<p>Study <b>").append(esc(preset.name())).append("</b> of the trajectories named in <code>")
                    .append(esc(String.valueOf(study.get("config")))).append("</code> (").append(preset.inherent() ? "inherent structures" : "thermal frames")
                    .append(", ρ = ").append(Format.g4((Double) study.get("density"))).append(")");
        }
        h.append(", N = ").append(preset.n()).append(", seed ").append(sum.get("seed")).append(", ").append(sum.get("threads"))
                .append(" thread(s), softglass ").append(esc(String.valueOf(sum.get("version")))).append(".</p>\n");
        h.append("<p class=\"note\">Rerun: <code>bin/softglass ")
                .append(config == null ? "pipeline --preset " + esc(preset.name()) : "study " + esc(shellQuote(config)))
                .append(" --seed ").append(sum.get("seed")).append(" --threads ").append(sum.get("threads"))
                .append("</code>. Numbers: <a href=\"summary.json\">summary.json</a>; every stage's inputs, outputs and parameters: <code>../stages/</code>.</p>\n");

        h.append("<h2>Fitted numbers</h2>\n<table><tr><th class=\"l\">quantity</th><th>value</th><th>1σ error</th><th class=\"l\">meaning</th></tr>\n");
        for (String[] r : fitted) {
            h.append("<tr><td class=\"l\">").append(esc(r[0])).append("</td><td>").append(esc(r[1])).append("</td><td>").append(esc(r[2]))
                    .append("</td><td class=\"l\">").append(esc(r[3])).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Rearrangement probability and barriers</h2>\n<p>P(R|S,T): fraction of A particles with p_hop &gt; ")
                .append(Format.g4(preset.pR())).append(" in each softness bin, with bootstrap errors; lines: the global onset fit")
                .append(" ln P = Σ0 − ε0/T + γ(T) S − δ(T) S² (DESIGN §5).</p>\n");
        figure(h, copied, "prs.png", "P(R|S) at each temperature with the fits");
        figure(h, copied, "barriers.png", "Per-bin Arrhenius fits: ΔE(S) and Σ(S), with the onset-fit quadratics");
        h.append("<table><tr><th>⟨S⟩ of bin</th><th>ΔE</th><th>±</th><th>Σ</th><th>±</th></tr>\n");
        for (String[] b : bins) {
            h.append("<tr>");
            for (String c : b) h.append("<td>").append(esc(c)).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Mean softness</h2>\n");
        figure(h, List.of("mean_s.png"), "mean_s.png", "⟨S⟩ vs 1/T: MD (bars: the spread σ_S), the fit a + b/T and the trap model's equilibrium");
        figure(h, copied, "model.png", "Softness of the training samples (stable vs rearranging)");

        Map<?, ?> ov = sum.get("md_overlap") instanceof Map<?, ?> m ? m : Map.of();
        h.append("<h2>Relaxation: MD, trap model and TRSP</h2>\n<p>MD Q(t): inherent-state overlap of the A particles (002 eqs 31–32, on ")
                .append(esc(String.valueOf(ov.get("positions")))).append("): I_i = 1 while the particle stays within a = ").append(cell(ov.get("a")))
                .append(" σ of its position at the origin; χ4 = N Var Q; ξ4 from the Ornstein–Zernike fit of S4(q, τ_χ) (002 eqs 33–34). ")
                .append(ov.get("note") == null ? "" : "<b>" + esc(String.valueOf(ov.get("note"))) + ".</b> ")
                .append("τ p_hop: the p_hop persistence (no rearrangement with p_hop &gt; ").append(Format.g4(preset.pR()))
                .append(" within t), a different quantity. Trap model: 000 eqs 16–17 with m = 1; TRSP: 002, L = ")
                .append(preset.trspSide()).append(", m = 4. Times in τ; τ_Q at Q = 1/e, χ4* the χ4 peak at τ_χ. n/a: not reached in the run. This table: raw model times; matched ones below.</p>\n");
        h.append("<table><tr><th>T</th><th>⟨S⟩ MD</th><th>⟨S⟩ trap</th><th>τ_Q MD</th><th>τ_Q trap</th><th>τ_Q TRSP</th>")
                .append("<th>χ4* MD</th><th>χ4* trap</th><th>χ4* TRSP</th><th>τ_χ MD</th><th>τ_χ trap</th><th>τ_χ TRSP</th>")
                .append("<th>ξ4 MD</th><th>ξ4 TRSP</th><th>τ p_hop MD</th></tr>\n");
        for (Map<String, Object> r : cmp) {
            h.append("<tr>");
            for (String k : List.of("T", "mean_s_md", "mean_s_trap", "tau_Q_md", "tau_Q_trap", "tau_Q_trsp", "chi4_star_md", "chi4_star_trap",
                    "chi4_star_trsp", "tau_chi_md", "tau_chi_trap", "tau_chi_trsp", "xi4_md", "xi4_trsp", "tau_persist_md")) {
                h.append("<td>").append(cell(r.get(k))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        timeMatching(h, sum, cmp);
        figure(h, List.of("tau.png"), "tau.png", "Relaxation times vs 1/T: MD, the models' raw τ_Q and their matched τ_Q (divided by the factor)");
        figure(h, copied, "block_collapse.png",
                "Block χ4*(ℓ)/χ4*(L) of the MD overlap and the TRSP model against ℓ/ξ4(T), each with its own Ornstein–Zernike ξ4 (002 App. H)");
        h.append("<div class=\"grid\">\n");
        for (String t : tempFigs) {
            h.append("<img src=\"q_").append(t).append(".png\" alt=\"Q(t) at ").append(t).append("\">\n");
            h.append("<img src=\"chi4_").append(t).append(".png\" alt=\"chi4(t) at ").append(t).append("\">\n");
        }
        h.append("</div>\n");

        h.append("<h2>Detailed balance of the TRSP model</h2>\n<p>Transition counts between softness bins A → B and B → A (002 App. F1); ")
                .append("χ² = Σ (n_AB − n_BA)²/(n_AB + n_BA) over pairs with ≥ 10 transitions.</p>\n");
        figure(h, copied, "detailed_balance.png", "n_AB / n_BA against the pair's share of transitions");
        h.append("<table><tr><th>T</th><th>χ²</th><th>dof</th><th>p-value</th></tr>\n");
        for (Map<String, Object> r : db) {
            h.append("<tr><td>").append(cell(r.get("T"))).append("</td><td>").append(cell(r.get("chi2"))).append("</td><td>").append(r.get("dof"))
                    .append("</td><td>").append(cell(r.get("p_value"))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Softness correlations</h2>\n");
        figure(h, copied, "cs.png", "C_S(r) at the lowest temperature with the eq-29 fit");
        figure(h, copied, "cs_model.png", "C_S(r) at the highest temperature with the eq-29 fit the models use (002 §VI fits C_S(r) at high T)");
        figure(h, copied, "kicks.png", "Softness change ΔS around rearrangements");

        published(h, sum);

        h.append("<h2>MD runs</h2>\n<table><tr><th>T</th><th>T measured</th><th>U/N</th><th>p</th><th>τ_α (F_s = 0.2)</th></tr>\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> md = (List<Map<String, Object>>) sum.get("md");
        for (Map<String, Object> r : md) {
            h.append("<tr>");
            for (String k : List.of("T", "temperature_measured", "pe_per_atom", "pressure", "tau_alpha_fs02")) h.append("<td>").append(cell(r.get(k))).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    /** A path as a POSIX shell word: bare when it holds only safe characters, else in single quotes. */
    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The banner of the fallbacks ({@link PipelineFallbacks}): first thing after the title, before any
     * table, one line per substitution with what was substituted and why. Nothing when none was used.
     */
    @SuppressWarnings("unchecked")
    static void fallbackBanner(StringBuilder h, Map<String, Object> sum) {
        List<Map<String, Object>> f = (List<Map<String, Object>>) sum.get("fallbacks");
        if (f == null || f.isEmpty()) return;
        h.append("<div class=\"fallback\" id=\"fallbacks\"><h2>Fallbacks used: not every model number was measured in this run</h2>\n")
                .append("<p>The model-versus-MD comparison below rests in part on substituted numbers:</p>\n<ul>\n");
        for (Map<String, Object> r : f) {
            h.append("<li><b>").append(esc(String.valueOf(r.get("what")))).append("</b>: used ").append(esc(String.valueOf(r.get("substitute"))))
                    .append(". Why: ").append(esc(String.valueOf(r.get("reason")))).append("</li>\n");
        }
        h.append("</ul></div>\n");
    }

    /**
     * The time-scale matching (paper 000 supplement; {@link PipelineMatching}): the factors, the reference
     * temperature, and the matched τ_Q, τ_χ of both models per temperature.
     */
    @SuppressWarnings("unchecked")
    static void timeMatching(StringBuilder h, Map<String, Object> sum, List<Map<String, Object>> cmp) {
        Map<String, Object> m = (Map<String, Object>) sum.get("time_matching");
        if (m == null) return;
        h.append("<h3>Time-scale matching</h3>\n<p id=\"time-matching\">As in paper 000's supplement (“Rescaling of rearrangement rate”), ")
                .append("each model's rates are multiplied at every temperature by one factor f = τ_Q,model/τ_Q,MD fixed at a single reference ")
                .append("temperature (the highest at which MD, trap and TRSP τ_Q are all finite; where none has all three, each model's highest shared with the MD); every model time is then divided by f. ")
                .append("Matched on ").append(esc(String.valueOf(m.get("observable")))).append(" of the MD ").append(esc(String.valueOf(m.get("md_source"))))
                .append(". Reference T: ").append(cell(m.get("reference_T"))).append(".</p>\n<ul>\n");
        for (String k : List.of("trap", "trsp")) {
            Map<String, Object> f = (Map<String, Object>) m.get(k);
            h.append("<li>").append(k.equals("trap") ? "trap model" : "TRSP").append(": ");
            if (f.get("factor") == null) {
                h.append("not matched (").append(esc(String.valueOf(f.get("refused")))).append(")");
            } else {
                h.append("factor f = <b>").append(cell(f.get("factor"))).append("</b>");
                h.append(f.get("error") == null ? " (no error: the τ_Q entering it carry none)" : " ± " + cell(f.get("error")));
                h.append(" at T = ").append(cell(f.get("reference_T"))).append(" (raw τ_Q ").append(cell(f.get("tau_Q_model_raw")))
                        .append(" against MD ").append(cell(f.get("tau_Q_md"))).append(")");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n<table><tr><th>T</th><th>τ_Q MD</th><th>τ_Q trap matched</th><th>τ_Q TRSP matched</th><th>τ_χ MD</th>")
                .append("<th>τ_χ trap matched</th><th>τ_χ TRSP matched</th></tr>\n");
        for (Map<String, Object> r : cmp) {
            h.append("<tr>");
            for (String k : List.of("T", "tau_Q_md", "tau_Q_trap_matched", "tau_Q_trsp_matched", "tau_chi_md", "tau_chi_trap_matched", "tau_chi_trsp_matched")) {
                h.append("<td>").append(cell(r.get(k))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * The published-versus-measured table ({@code summary.json} {@code published}, the rows of
     * {@code softglass validate --published RUN}): quantity, the paper's number and citation, ours ± 1σ,
     * the verdict and where our set-up differs from the paper's; the reason of each row as its last cell.
     */
    @SuppressWarnings("unchecked")
    static void published(StringBuilder h, Map<String, Object> sum) {
        Map<String, Object> p = (Map<String, Object>) sum.get("published");
        if (p == null) return;
        h.append("<h2 id=\"published\">Published versus measured (papers 000–002, KA)</h2>\n");
        if (p.get("error") != null) {
            h.append("<p>The table could not be evaluated on this run: ").append(esc(String.valueOf(p.get("error")))).append("</p>\n");
            return;
        }
        h.append("<p>Every KA number the papers print, with ours ± 1σ from this run (<a href=\"published.csv\">published.csv</a>, ")
                .append("<a href=\"published.json\">published.json</a>; the same table as <code>softglass validate --published RUN</code>). ")
                .append("Agrees: |ours − paper| ≤ 2σ + the row's tolerance (the papers print no errors); a direction agrees when our statistic has ")
                .append("the paper's sign beyond 2σ. Agree ").append(p.get("agrees")).append(", disagree ").append(p.get("disagrees"))
                .append(", undecided ").append(p.get("inconclusive")).append(", not measured ").append(p.get("not_measured")).append(".</p>\n")
                .append("<table><tr><th class=\"l\">quantity</th><th class=\"l\">paper</th><th class=\"l\">citation</th><th>ours</th><th>±</th>")
                .append("<th>agrees</th><th class=\"l\">our set-up differs</th><th class=\"l\">how / why</th></tr>\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) p.get("rows")) {
            h.append("<tr><td class=\"l\">").append(esc(String.valueOf(r.get("quantity")))).append("</td><td class=\"l\">")
                    .append(esc(String.valueOf(r.get("printed")))).append("</td><td class=\"l\">").append(esc(String.valueOf(r.get("citation"))))
                    .append("</td><td>").append(cell(r.get("ours"))).append("</td><td>").append(cell(r.get("ours_err"))).append("</td><td>")
                    .append(esc(String.valueOf(r.get("agrees")))).append("</td><td class=\"l\">")
                    .append(r.get("setup_note") == null ? "" : esc(String.valueOf(r.get("setup_note")))).append("</td><td class=\"l note\">")
                    .append(r.get("reason") == null ? "" : esc(String.valueOf(r.get("reason")))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void figure(StringBuilder h, List<String> have, String file, String caption) {
        if (!have.contains(file)) return;
        h.append("<figure><img src=\"").append(file).append("\" alt=\"").append(esc(caption)).append("\"><figcaption>")
                .append(esc(caption)).append("</figcaption></figure>\n");
    }

    private static String cell(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Double d) return ReportNumbers.fmt(d);
        if (v instanceof Number n) return String.format(Locale.ROOT, "%s", n);
        return esc(v.toString());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
