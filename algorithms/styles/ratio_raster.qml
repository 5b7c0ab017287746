<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="Symbology" version="3.22.16-Białowieża">
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option name="name" type="QString" value="" />
      <Option name="properties" />
      <Option name="type" type="QString" value="collection" />
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling enabled="false" maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour" zoomedOutResamplingMethod="nearestNeighbour" />
    </provider>
    <rasterrenderer alphaBand="-1" band="1" classificationMax="3.4028234663852886e+38" classificationMin="0" nodataColor="" opacity="1" type="singlebandpseudocolor">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader classificationMode="1" clip="0" colorRampType="INTERPOLATED" labelPrecision="6" maximumValue="3.4028234663852886e+38" minimumValue="0">
          <colorramp name="[source]" type="gradient">
            <Option type="Map">
              <Option name="color1" type="QString" value="26,152,80,255" />
              <Option name="color2" type="QString" value="64,0,75,255" />
              <Option name="discrete" type="QString" value="0" />
              <Option name="rampType" type="QString" value="gradient" />
              <Option name="stops" type="QString" value="0.166667;255,255,191,255:0.333333;254,224,139,255:0.5;253,174,97,255:0.666667;244,109,67,255:0.833333;165,0,38,255" />
            </Option>
            <prop k="color1" v="26,152,80,255" />
            <prop k="color2" v="64,0,75,255" />
            <prop k="discrete" v="0" />
            <prop k="rampType" v="gradient" />
            <prop k="stops" v="0.166667;255,255,191,255:0.333333;254,224,139,255:0.5;253,174,97,255:0.666667;244,109,67,255:0.833333;165,0,38,255" />
          </colorramp>
          <item alpha="255" color="#1a9850" label="0" value="0" />
          <item alpha="255" color="#ffffbf" label="1" value="1" />
          <item alpha="255" color="#fee08b" label="2" value="2" />
          <item alpha="255" color="#fdae61" label="4" value="4" />
          <item alpha="255" color="#f46d43" label="8" value="8" />
          <item alpha="255" color="#a50026" label="16" value="16" />
          <item alpha="255" color="#40004b" label="No sink (sink 0 or less)" value="3.4028234663852886e+38" />
          <rampLegendSettings direction="0" maximumLabel="" minimumLabel="" orientation="2" prefix="" suffix="" useContinuousLegend="1">
            <numericFormat id="basic">
              <Option type="Map">
                <Option name="decimal_separator" type="QChar" value="" />
                <Option name="decimals" type="int" value="6" />
                <Option name="rounding_type" type="int" value="0" />
                <Option name="show_plus" type="bool" value="false" />
                <Option name="show_thousand_separator" type="bool" value="true" />
                <Option name="show_trailing_zeros" type="bool" value="false" />
                <Option name="thousand_separator" type="QChar" value="" />
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1" />
    <huesaturation colorizeBlue="128" colorizeGreen="128" colorizeOn="0" colorizeRed="255" colorizeStrength="100" grayscaleMode="0" invertColors="0" saturation="0" />
    <rasterresampler maxOversampling="2" />
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
