"""carbonbudget:hotspots - Getis-Ord Gi*, local Moran (LISA) and global Moran's I of a numeric field."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsSpatialIndex,
)

from ..carbon_plugin import schema
from ..carbon_plugin.balance import latest_period_field
from ..carbon_plugin.errors import CarbonInputError
from ..carbon_plugin.spatial import (
    Weights,
    contiguity_weights,
    distance_band_weights,
    getis_ord_gi_star,
    global_moran,
    knn_weights,
    local_moran,
)
from .base import CarbonAlgorithm
from .compat import (
    FIELD_NUMERIC,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    POLYGON_GEOMETRY,
    TYPE_VECTOR_POINT,
    TYPE_VECTOR_POLYGON,
    geometry_type,
    is_text_field,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_int, param_label
from .styles import style_outputs
from .vectors import read_layer, schema_fields, write_layer

WEIGHT_KINDS = ("queen", "distance", "knn")
WEIGHT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Queen contiguity (polygons sharing a boundary or a corner)"),
    QT_TRANSLATE_NOOP("@default", "Distance band between centroids (DISTANCE)"),
    QT_TRANSLATE_NOOP("@default", "K nearest centroids (K)")
)
DEFAULT_SEED = 12345
SHOWN_ISLANDS = 20


def queen_neighbours(geometries: list[QgsGeometry], progress) -> list[list[int]]:
    """Queen contiguity: features whose geometries intersect (share a boundary point or more).

    Candidates come from a spatial index of bounding boxes (grown by a tiny tolerance so that
    exactly touching boxes are found); each pair is tested once with a prepared GEOS geometry.
    """
    index = QgsSpatialIndex()
    for k, geometry in enumerate(geometries):
        if not geometry.isEmpty():
            index.addFeature(k, geometry.boundingBox())
    neighbours: list[set[int]] = [set() for _ in geometries]
    for k, geometry in enumerate(geometries):
        if geometry.isEmpty():
            continue
        box = geometry.boundingBox()
        box.grow(1e-9 * max(box.width(), box.height(), 1e-9))
        candidates = [c for c in index.intersects(box) if c > k]
        if candidates:
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            for c in candidates:
                if engine.intersects(geometries[c].constGet()):
                    neighbours[k].add(c)
                    neighbours[c].add(k)
        if k % 200 == 0:
            progress.report(0.1 + 0.3 * k / len(geometries))
    return [sorted(nb) for nb in neighbours]


class HotSpots(CarbonAlgorithm):
    ALG_ID = "hotspots"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Hot spots and spatial autocorrelation (Gi*, LISA, Moran's I)")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "hot spot,cold spot,Getis-Ord,Gi*,LISA,local Moran,Moran's I,spatial autocorrelation,cluster"
    )

    INPUT = "INPUT"
    FIELD = "FIELD"
    WEIGHTS = "WEIGHTS"
    DISTANCE = "DISTANCE"
    K = "K"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Regions"), [TYPE_VECTOR_POLYGON, TYPE_VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, tr("Numeric field (default: the risk index of the last period, RI_yyyy)"),
            parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, tr("Spatial weights"), options=[tr(s) for s in WEIGHT_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterDistance(  # units shown, converted to the layer's
            self.DISTANCE, tr("Distance band (layer CRS units; distance weights)"),
            parentParameterName=self.INPUT, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, tr("Number of nearest neighbours (k nearest weights)"), NUMBER_INTEGER, defaultValue=8,
            minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, tr("Permutations"), NUMBER_INTEGER, defaultValue=999, minValue=1, maxValue=99999))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed (empty: a new draw each run)"), NUMBER_INTEGER, defaultValue=DEFAULT_SEED,
            optional=True, minValue=0))
        alpha = QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level of LISA clusters"), NUMBER_DOUBLE, defaultValue=0.05,
            minValue=0.0001, maxValue=0.5)
        alpha.setFlags(alpha.flags() | FLAG_ADVANCED)
        self.addParameter(alpha)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Hot spots")))
        for name, label in (("MORAN_I", tr("Global Moran's I")), ("MORAN_Z", tr("Moran's I z (normality)")),
                            ("MORAN_P", tr("Moran's I permutation p")),
                            ("MORAN_P_NORM", tr("Moran's I p (normality, two-sided)")),
                            ("ISLANDS", tr("Features without neighbours"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        field = self.parameterAsString(parameters, self.FIELD, context)
        kind = WEIGHT_KINDS[self.parameterAsEnum(parameters, self.WEIGHTS, context)]
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = optional_int(self, parameters, self.SEED, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        data = read_layer(source, progress, "input layer")
        field = field or latest_period_field(data.fields.names(), schema.RISK_INDEX)
        if data.fields.indexOf(field) < 0:
            raise CarbonInputError(tr("{param}: the layer has no field '{name}'; its fields are: {fields}.").format(
                param=param_label(self, self.FIELD), name=field,
                fields=", ".join(f"'{n}'" for n in data.fields.names())))
        field_def = data.fields.field(field)
        if not field_def.isNumeric():
            numeric = [f.name() for f in data.fields if f.isNumeric()]
            raise CarbonInputError(tr("{param}: '{name}' is a {type} field, not a number; hot spots need a numeric "
                                      "field (numeric fields here: {fields}).").format(
                param=param_label(self, self.FIELD), name=field,
                type=field_def.typeName() or field_def.friendlyTypeString(),
                fields=", ".join(f"'{n}'" for n in numeric) or "-"))
        values = data.column(field)
        if np.isnan(values).all():
            raise CarbonInputError(tr("{param}: every value of '{name}' is NULL; there is nothing to analyse.").format(
                param=param_label(self, self.FIELD), name=field))
        geometries = [f.geometry() for f in data.features]

        keep = ~np.isnan(values)
        if not keep.all():
            progress.warning(tr("{n} feature(s) with a NULL {field} are left out.").format(
                n=int((~keep).sum()), field=field))
        weights = self._weights(kind, source, geometries, keep, parameters, context, progress)
        if len(weights.islands):
            ids = np.flatnonzero(keep)[weights.islands]
            shown = ", ".join(self._label(data, i) for i in ids[:SHOWN_ISLANDS])
            more = tr(" and {n} more").format(n=len(ids) - SHOWN_ISLANDS) if len(ids) > SHOWN_ISLANDS else ""
            progress.warning(tr("{n} feature(s) have no neighbours (islands): {list}{more}.").format(
                n=len(ids), list=shown, more=more))
        k = weights.cardinalities
        progress.info(tr("Weights: {kind}; neighbours per feature: min {min}, mean {mean:.2f}, max {max}.").format(
            kind=kind, min=int(k.min()), mean=float(k.mean()), max=int(k.max())))
        if seed is None:
            progress.info(tr("No seed: the permutation p-values change from run to run."))

        y = values[keep]
        moran = global_moran(y, weights, permutations, seed)
        progress.report(0.6)
        lisa = local_moran(y, weights, permutations, seed, alpha)
        progress.report(0.8)
        gi = getis_ord_gi_star(y, weights)
        progress.info(tr("Global Moran's I = {i:.6f} (expected {e:.6f}), z = {z:.4f}, p (normal) = {pn:.4g}, "
                         "permutation p = {ps:.4g} ({perms} permutations, seed {seed}).").format(
            i=moran.i, e=moran.expected_i, z=moran.z, pn=moran.p_norm, ps=moran.p_sim, perms=permutations,
            seed=seed if seed is not None else "-"))
        for b in (3, 2, 1, -1, -2, -3):
            progress.info(tr("Gi* bin {bin}: {n}").format(bin=f"{b:+d}", n=int(np.sum(gi.bin == b))))
        for label in ("HH", "LL", "HL", "LH", "ns"):
            progress.info(tr("LISA {label}: {n}").format(label=label, n=int(np.sum(lisa.cluster == label))))

        new_fields = schema_fields(schema.HOTSPOT_FIELDS, {schema.LISA_CLASS: 4})
        rows = [[None] * len(new_fields) for _ in data.features]
        for j, i in enumerate(np.flatnonzero(keep)):
            rows[i] = [gi.z[j], gi.p[j], int(gi.bin[j]), lisa.ii[j], str(lisa.cluster[j]), lisa.p_sim[j]]
        dest = write_layer(self, parameters, self.OUTPUT, context, source, data, new_fields, rows, progress)
        style_outputs(context, {dest: ("gi_bin", schema.GI_BIN)}, feedback)
        return {self.OUTPUT: dest, "MORAN_I": float(moran.i), "MORAN_Z": float(moran.z),
                "MORAN_P": float(moran.p_sim), "MORAN_P_NORM": float(moran.p_norm), "ISLANDS": len(weights.islands)}

    def _weights(self, kind, source, geometries, keep, parameters, context, progress) -> Weights:
        """Weights among the features where ``keep`` is True (renumbered 0..m-1)."""
        polygons = geometry_type(source.wkbType()) == POLYGON_GEOMETRY
        if kind == "queen":
            if not polygons:
                raise CarbonInputError(tr("Queen contiguity needs polygons; for points choose a distance band or "
                                          "k nearest neighbours."))
            return contiguity_weights(queen_neighbours(geometries, progress)).subset(keep)
        if source.sourceCrs().isGeographic():
            progress.warning(tr("The layer CRS is geographic: distances between centroids are in degrees. "
                                "Reproject to a projected CRS for true distances."))
        xy = []
        for k in np.flatnonzero(keep):
            if geometries[k].isEmpty():
                raise CarbonInputError(tr("Feature {k} has no geometry.").format(k=k + 1))
            point = geometries[k].centroid().asPoint()
            xy.append((point.x(), point.y()))
        if kind == "distance":
            value = parameters.get(self.DISTANCE)
            if value in (None, ""):
                raise CarbonInputError(tr("{param}: give the distance band for distance weights.").format(
                    param=param_label(self, self.DISTANCE)))
            return distance_band_weights(xy, self.parameterAsDouble(parameters, self.DISTANCE, context))
        return knn_weights(xy, self.parameterAsInt(parameters, self.K, context))

    @staticmethod
    def _label(data, index: int) -> str:
        """'name (feature n)' using the first text field, else 'feature n' (1-based order)."""
        feature = data.features[index]
        for k, field in enumerate(data.fields):
            if is_text_field(field):
                value = feature.attributes()[k]
                if value not in (None, "") and not (hasattr(value, "isNull") and value.isNull()):
                    return f"{value} (feature {index + 1})"
        return f"feature {index + 1}"
