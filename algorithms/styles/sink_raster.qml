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
    <rasterrenderer alphaBand="-1" band="1" classificationMax="310.17082911923893" classificationMin="5.793966958768686" nodataColor="" opacity="1" type="singlebandpseudocolor">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader classificationMode="1" clip="0" colorRampType="INTERPOLATED" labelPrecision="6" maximumValue="310.17082911923893" minimumValue="5.7939669587686859">
          <colorramp name="[source]" type="gradient">
            <Option type="Map">
              <Option name="color1" type="QString" value="237,248,233,255" />
              <Option name="color2" type="QString" value="0,109,44,255" />
              <Option name="discrete" type="QString" value="0" />
              <Option name="rampType" type="QString" value="gradient" />
              <Option name="stops" type="QString" value="0.166667;203,235,197,255:0.333333;163,217,159,255:0.5;116,196,118,255:0.666667;71,174,95,255:0.833333;33,145,71,255" />
            </Option>
            <prop k="color1" v="237,248,233,255" />
            <prop k="color2" v="0,109,44,255" />
            <prop k="discrete" v="0" />
            <prop k="rampType" v="gradient" />
            <prop k="stops" v="0.166667;203,235,197,255:0.333333;163,217,159,255:0.5;116,196,118,255:0.666667;71,174,95,255:0.833333;33,145,71,255" />
          </colorramp>
          <item alpha="255" color="#edf8e9" label="5.79" value="5.793966958768686" />
          <item alpha="255" color="#cbebc5" label="20.3" value="20.3061641249279" />
          <item alpha="255" color="#a3d99f" label="33.4" value="33.44887669198991" />
          <item alpha="255" color="#74c476" label="55.9" value="55.8948364512151" />
          <item alpha="255" color="#47ae5f" label="98.2" value="98.24495649935781" />
          <item alpha="255" color="#219147" label="157" value="157.15652627298635" />
          <item alpha="255" color="#006d2c" label="310" value="310.17082911923893" />
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
