#!/usr/bin/python3
"""Writes the XGBoost fixtures of XGBoostJsonTest with Debian's python3-xgboost (1.7):

    apt-get install -y python3-xgboost && cd lib/src/test/resources/models && /usr/bin/python3 make_xgboost_fixtures.py

Generated data with NaNs (so default directions matter), a binary:logistic model with feature names and
base_score 0.3 (a probability, turned into its logit by the reader), a reg:squarederror model without names,
a dart model, a 3-class model (refused), and xgb_test.csv: test rows plus XGBoost's own predict(output_margin=True)
of each model (repr: every digit of the float32)."""
import numpy as np
import xgboost as xgb

rng = np.random.default_rng(13)
names = ["a", "b", "c", "d"]


def rows(n):
    x = rng.normal(size=(n, 4))
    x[:, 3] = rng.integers(0, 4, size=n)  # a small integer feature
    x[rng.random(size=(n, 4)) < 0.15] = np.nan
    return x


x = rows(400)
logit = np.nan_to_num(x[:, 0], nan=1.0) - 0.8 * np.nan_to_num(x[:, 1]) + 0.5 * (x[:, 3] == 2)
label = (rng.random(400) < 1 / (1 + np.exp(-logit))).astype(float)
target = np.nan_to_num(x[:, 2], nan=-2.0) * 1.5 + np.nan_to_num(x[:, 0]) + rng.normal(scale=0.1, size=400)

common = {"max_depth": 3, "eta": 0.3, "nthread": 1, "seed": 1, "tree_method": "hist"}
binary = xgb.train({**common, "objective": "binary:logistic", "base_score": 0.3},
                   xgb.DMatrix(x, label=label, feature_names=names), num_boost_round=12)
binary.save_model("xgb_binary.json")
reg = xgb.train({**common, "objective": "reg:squarederror"}, xgb.DMatrix(x, label=target), num_boost_round=10)
reg.save_model("xgb_regression_unnamed.json")
dart = xgb.train({**common, "booster": "dart", "objective": "binary:logistic", "rate_drop": 0.3, "one_drop": 1},
                 xgb.DMatrix(x, label=label, feature_names=names), num_boost_round=8)
dart.save_model("xgb_dart.json")
multi = xgb.train({**common, "objective": "multi:softprob", "num_class": 3},
                  xgb.DMatrix(x, label=rng.integers(0, 3, size=400)), num_boost_round=2)
multi.save_model("xgb_multiclass.json")

test = rows(80)
m_binary = binary.predict(xgb.DMatrix(test, feature_names=names), output_margin=True)
m_reg = reg.predict(xgb.DMatrix(test), output_margin=True)
m_dart = dart.predict(xgb.DMatrix(test, feature_names=names), output_margin=True)
with open("xgb_test.csv", "w") as f:
    f.write(",".join(names) + ",margin_binary,margin_regression,margin_dart\n")
    for r in range(len(test)):
        cells = ["" if np.isnan(v) else repr(float(v)) for v in test[r]]
        cells += [repr(float(m_binary[r])), repr(float(m_reg[r])), repr(float(m_dart[r]))]
        f.write(",".join(cells) + "\n")
