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
    <rasterrenderer alphaBand="-1" band="1" classificationMax="10845.600324479858" classificationMin="0" nodataColor="" opacity="1" type="singlebandpseudocolor">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader classificationMode="1" clip="0" colorRampType="INTERPOLATED" labelPrecision="6" maximumValue="10845.600324479858" minimumValue="0">
          <colorramp name="[source]" type="gradient">
            <Option type="Map">
              <Option name="color1" type="QString" value="254,229,217,255" />
              <Option name="color2" type="QString" value="165,15,21,255" />
              <Option name="discrete" type="QString" value="0" />
              <Option name="rampType" type="QString" value="gradient" />
              <Option name="stops" type="QString" value="0.166667;253,192,169,255:0.333333;252,151,121,255:0.5;251,106,74,255:0.666667;232,65,50,255:0.833333;203,35,32,255" />
            </Option>
            <prop k="color1" v="254,229,217,255" />
            <prop k="color2" v="165,15,21,255" />
            <prop k="discrete" v="0" />
            <prop k="rampType" v="gradient" />
            <prop k="stops" v="0.166667;253,192,169,255:0.333333;252,151,121,255:0.5;251,106,74,255:0.666667;232,65,50,255:0.833333;203,35,32,255" />
          </colorramp>
          <item alpha="255" color="#fee5d9" label="0" value="0" />
          <item alpha="255" color="#fdc0a9" label="72.5" value="72.51742605350155" />
          <item alpha="255" color="#fc9779" label="174" value="173.76480153996576" />
          <item alpha="255" color="#fb6a4a" label="407" value="407.01523592004" />
          <item alpha="255" color="#e84132" label="1,196" value="1196.0693707959765" />
          <item alpha="255" color="#cb2320" label="3,105" value="3104.5292015401105" />
          <item alpha="255" color="#a50f15" label="10,846" value="10845.600324479858" />
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
