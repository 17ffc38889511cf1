/**
 * Datasets as Tablesaw tables: the catalog ({@link org.foolshap.data.Catalog}, {@code datasets/catalog.json}),
 * the paper's preprocessing ({@link org.foolshap.data.Datasets#load}), the embedded toy generator
 * ({@link org.foolshap.data.Toy}), locating and fetching raw files ({@link org.foolshap.data.DataLocator},
 * {@link org.foolshap.data.Fetcher}), CSV I/O with one missing-value policy ({@link org.foolshap.data.Csv}), and the
 * one encoding between tables and model rows ({@link org.foolshap.data.Features}).
 *
 * <p>Flow: raw files -> {@code Preprocess} -> fixed-seed shuffle -> {@link org.foolshap.data.Dataset} (target last,
 * 0/1) -> stratified splits and the audit's groups D_0 (protected, foreground) / D_1 (background).
 *
 * <p>{@link org.foolshap.data.AuditSetting} declares an audit once (source table, encoding, sensitive attribute and
 * protected value, the two {@link org.foolshap.data.Group}s); its {@link org.foolshap.data.Sample}s are the rows a
 * company hands to an auditor, as real rows with source row ids.
 */
package org.foolshap.data;
