# The README's two commands: `make demo` and `make test`. Both set up what they need first.
PY := .venv/bin/python
export QT_QPA_PLATFORM := offscreen

.PHONY: setup test test-qgis340 lint demo screenshots package translations sample bench clean

setup:
	@bash scripts/setup.sh

lint: setup
	.venv/bin/ruff check .

test: setup lint
	$(PY) -m mypy carbon_plugin
	$(PY) -m pytest -q

# the same suite on QGIS 3.40 LTR: a Debian 13 chroot built once in .qgis340/ (needs root)
test-qgis340:
	@bash scripts/qgis340.sh

demo: setup
	$(PY) scripts/demo.py demo_output

# the README's pictures in English and Chinese (docs/*.png: toolbox, dialogs, bundled models, the report
# of make demo's outputs); installs Chromium and a CJK font if missing, runs make demo if never run
screenshots:
	@bash scripts/setup.sh screenshots
	@[ -f demo_output/risk.gpkg ] || $(MAKE) demo
	$(PY) scripts/screenshots.py

sample: setup
	$(PY) scripts/make_sample.py demo_output/sample

package: setup
	$(PY) scripts/package.py dist

translations:
	pylupdate5 -noobsolete plugin.py algorithms/*.py carbon_plugin/*.py carbon_plugin/reporting/*.py -ts i18n/carbon_plugin_zh_CN.ts
	python3 scripts/fill_translations.py
	lrelease -silent i18n/carbon_plugin_zh_CN.ts

bench: setup
	$(PY) bench/zonal.py
	$(PY) bench/zonal.py --sizes 100m --cover full --skip exactextract,exactextract_rs,qgis
	$(PY) bench/gridding.py
	$(PY) bench/sinks.py
	$(PY) bench/trend.py
	$(PY) bench/uncertainty.py
	$(PY) bench/national.py

clean:
	rm -rf demo_output dist build .hypothesis .qgis-settings
